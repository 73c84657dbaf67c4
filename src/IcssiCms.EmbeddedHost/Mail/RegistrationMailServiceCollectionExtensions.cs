using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Umbraco.Cms.Core.Configuration.Models;

namespace IcssiCms.EmbeddedHost.Mail;

public static class RegistrationMailServiceCollectionExtensions
{
    /// <summary>
    /// Registration e-mail: Umbraco's SMTP settings (<c>Umbraco:CMS:Global:Smtp</c>, checked at startup), the MailKit
    /// sender, the composer, the outbox signal and the outbox sender. Needs what the host registers elsewhere: the store,
    /// the content snapshots, the import status, and an <c>IRegistrationLinks</c>.
    /// </summary>
    public static IServiceCollection AddRegistrationMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SmtpSettings>().Bind(configuration.GetSection(SmtpSettingsValidator.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SmtpSettings>, SmtpSettingsValidator>();
        services.AddOptions<OutboxMailOptions>()
            .Bind(configuration.GetSection(OutboxMailOptions.SectionName))
            .Validate(o => o.PollInterval > TimeSpan.Zero && o.FirstRetryDelay > TimeSpan.Zero && o.MaximumRetryDelay >= o.FirstRetryDelay && o.BatchSize > 0,
                $"{OutboxMailOptions.SectionName}: PollInterval and FirstRetryDelay must be positive, MaximumRetryDelay at least FirstRetryDelay, BatchSize above 0.")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IMailSender, MailKitMailSender>();
        services.AddSingleton<MimeRegistrationMailComposer>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxMailService>();
        services.AddHostedService(provider => provider.GetRequiredService<OutboxMailService>());
        return services;
    }
}
