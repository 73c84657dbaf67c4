using System.Net.Mail;
using IcssiCms.EmbeddedHost.Mail;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Umbraco.Cms.Core.Configuration.Models;

namespace IcssiCms.UnitTests.Mail;

public sealed class SmtpSettingsValidatorTests
{
    private static IReadOnlyList<string> Failures(SmtpSettings settings) =>
        new SmtpSettingsValidator().Validate(null, settings).Failures?.ToList() ?? [];

    [Fact]
    public void Pickup_With_A_Folder_And_A_Named_From_Is_Valid() =>
        Assert.Empty(Failures(new SmtpSettings
        {
            From = "ICSSI <registrations@example.org>",
            DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory,
            PickupDirectoryLocation = "umbraco/Data/Mail",
        }));

    [Fact]
    public void Network_With_A_Host_Is_Valid() =>
        Assert.Empty(Failures(new SmtpSettings { From = "registrations@example.org", Host = "smtp.example.org", Port = 587, Username = "u", Password = "p" }));

    [Fact]
    public void Network_Without_A_Host_Says_So()
    {
        var failure = Assert.Single(Failures(new SmtpSettings { From = "registrations@example.org", DeliveryMethod = SmtpDeliveryMethod.Network }));
        Assert.Equal("Umbraco:CMS:Global:Smtp:Host must be set when DeliveryMethod is Network: the SMTP server to send through.", failure);
    }

    [Fact]
    public void Pickup_Without_A_Folder_Says_So()
    {
        var failure = Assert.Single(Failures(new SmtpSettings { From = "registrations@example.org", DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory }));
        Assert.StartsWith("Umbraco:CMS:Global:Smtp:PickupDirectoryLocation must be set when DeliveryMethod is SpecifiedPickupDirectory", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not an address")]
    [InlineData("ICSSI <registrations>")]
    public void A_Bad_From_Says_So(string from)
    {
        var failure = Assert.Single(Failures(new SmtpSettings { From = from, Host = "smtp.example.org" }));
        Assert.StartsWith($"Umbraco:CMS:Global:Smtp:From '{from}' is not an e-mail address", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Missing_From_Says_So()
    {
        var failure = Assert.Single(Failures(new SmtpSettings { From = "", Host = "smtp.example.org" }));
        Assert.StartsWith("Umbraco:CMS:Global:Smtp:From must be set", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Password_Without_A_Username_Says_So()
    {
        var failure = Assert.Single(Failures(new SmtpSettings { From = "registrations@example.org", Host = "smtp.example.org", Password = "secret" }));
        Assert.Contains("Password is set but Username is not", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Iis_Pickup_Is_Not_Supported()
    {
        var failure = Assert.Single(Failures(new SmtpSettings { From = "registrations@example.org", DeliveryMethod = SmtpDeliveryMethod.PickupDirectoryFromIis }));
        Assert.Contains("DeliveryMethod 'PickupDirectoryFromIis' is not supported", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void The_Repository_Settings_Bind_And_Validate()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Support.HubFolder.RepositoryRoot, "appsettings.json"))
            .Build();
        var services = new ServiceCollection().AddRegistrationMail(configuration).BuildServiceProvider();

        var settings = services.GetRequiredService<IOptions<SmtpSettings>>().Value;

        Assert.Equal(SmtpDeliveryMethod.SpecifiedPickupDirectory, settings.DeliveryMethod);
        Assert.Equal("umbraco/Data/Mail", settings.PickupDirectoryLocation);
        Assert.Equal("ICSSI <registrations@example.org>", settings.From);
    }

    [Fact]
    public void Bound_Settings_That_Fail_Throw_With_The_Messages()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Umbraco:CMS:Global:Smtp:From"] = "nobody",
                ["Umbraco:CMS:Global:Smtp:DeliveryMethod"] = "Network",
            })
            .Build();
        var services = new ServiceCollection().AddRegistrationMail(configuration).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<SmtpSettings>>().Value);

        Assert.Contains(error.Failures, f => f.StartsWith("Umbraco:CMS:Global:Smtp:From 'nobody'", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("Umbraco:CMS:Global:Smtp:Host must be set", StringComparison.Ordinal));
    }
}
