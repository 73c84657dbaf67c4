using System.Text;
using IcssiCms.EmbeddedHost.Webhooks;

namespace IcssiCms.UnitTests.EmbeddedHost.Webhooks;

public sealed class WebhookSignatureTests
{
    [Fact]
    public void The_Signature_Is_The_Hex_Hmac_Sha256_Of_The_Body()
    {
        // RFC 4231, test case 2.
        var signature = WebhookSignature.Compute("Jefe", Encoding.UTF8.GetBytes("what do ya want for nothing?"));

        Assert.Equal("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", signature);
    }

    [Fact]
    public void A_Signature_With_Another_Secret_Or_Body_Is_Not_Valid()
    {
        var body = Encoding.UTF8.GetBytes("""{"id":"6a1d6c1e-8a1f-4a77-9d0c-3a6a5c1b0001"}""");
        var signature = WebhookSignature.Compute("s3cret", body);

        Assert.True(WebhookSignature.IsValid("s3cret", body, signature));
        Assert.False(WebhookSignature.IsValid("other", body, signature));
        Assert.False(WebhookSignature.IsValid("s3cret", [.. body, (byte)' '], signature));
        Assert.False(WebhookSignature.IsValid("s3cret", body, null));
    }
}
