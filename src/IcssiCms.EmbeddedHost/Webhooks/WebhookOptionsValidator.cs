using Microsoft.Extensions.Options;
using static Umbraco.Cms.Core.Constants.WebhookEvents;

namespace IcssiCms.EmbeddedHost.Webhooks;

/// <summary>Checks the webhook targets at startup: absolute http(s) URLs, known event aliases; each failure names its key.</summary>
public sealed class WebhookOptionsValidator : IValidateOptions<WebhookOptions>
{
    /// <summary>The content events the host raises.</summary>
    public static IReadOnlyList<string> KnownEvents { get; } = [Aliases.ContentPublish, Aliases.ContentUnpublish, Aliases.ContentDelete];

    public ValidateOptionsResult Validate(string? name, WebhookOptions options)
    {
        var failures = new List<string>();
        for (var i = 0; i < options.Targets.Count; i++)
        {
            var target = options.Targets[i];
            var key = $"{WebhookOptions.SectionName}:Targets:{i}";
            if (!Uri.TryCreate(target.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                failures.Add($"{key}:Url must be an absolute http or https URL.");
            }

            if (target.Events.Count == 0)
            {
                failures.Add($"{key}:Events must list at least one event alias ({string.Join(", ", KnownEvents)}).");
            }

            for (var e = 0; e < target.Events.Count; e++)
            {
                if (!KnownEvents.Contains(target.Events[e], StringComparer.OrdinalIgnoreCase))
                {
                    failures.Add($"{key}:Events:{e} '{target.Events[e]}' is not a known event alias ({string.Join(", ", KnownEvents)}).");
                }
            }

            if (string.IsNullOrEmpty(target.Secret))
            {
                failures.Add($"{key}:Secret must be set: every request is signed with it.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
