using IcssiCms.EmbeddedHost.Webhooks;
using static Umbraco.Cms.Core.Constants.WebhookEvents;

namespace IcssiCms.UnitTests.EmbeddedHost.Webhooks;

public sealed class WebhookOptionsValidatorTests
{
    [Fact]
    public void A_Valid_Target_Passes()
    {
        var result = Validate(new WebhookTarget { Url = "https://hooks.example.org/icssi", Events = [Aliases.ContentPublish, Aliases.ContentDelete], Secret = "s" });

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void A_Relative_Or_Non_Http_Url_Fails_Naming_The_Key()
    {
        var result = Validate(
            new WebhookTarget { Url = "https://hooks.example.org/", Events = [Aliases.ContentPublish], Secret = "s" },
            new WebhookTarget { Url = "ftp://hooks.example.org/", Events = [Aliases.ContentPublish], Secret = "s" });

        Assert.True(result.Failed);
        Assert.Contains("IcssiCms:Webhooks:Targets:1:Url", result.FailureMessage);
        Assert.DoesNotContain("Targets:0", result.FailureMessage);
    }

    [Fact]
    public void An_Unknown_Event_Alias_Fails_Naming_The_Key()
    {
        var result = Validate(new WebhookTarget { Url = "http://127.0.0.1:9000/", Events = [Aliases.ContentPublish, "ContentPublished"], Secret = "s" });

        Assert.True(result.Failed);
        Assert.Contains("IcssiCms:Webhooks:Targets:0:Events:1 'ContentPublished'", result.FailureMessage);
    }

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(params WebhookTarget[] targets) =>
        new WebhookOptionsValidator().Validate(null, new WebhookOptions { Targets = [.. targets] });
}
