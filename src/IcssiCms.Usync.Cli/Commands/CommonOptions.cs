using System.CommandLine;

namespace IcssiCms.Usync.Cli.Commands;

/// <summary>The arguments several commands share, described once.</summary>
internal static class CommonOptions
{
    public const string DefaultFolder = "uSync/v17";

    public static Argument<string> Folder(string description) => new("folder")
    {
        Description = description,
        DefaultValueFactory = _ => DefaultFolder,
        Arity = ArgumentArity.ZeroOrOne,
    };

    public static Option<string> Site(string description) => new("--site")
    {
        Description = $"{description}: the Umbraco site's address (https://hub.example.org), or {SiteClient.SiteVariable}. " +
                      $"usync signs in as an Umbraco API user: its client id from --client-id or {SiteClient.ClientIdVariable}, its secret from {SiteClient.SecretVariable}.",
        HelpName = "url",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(SiteClient.SiteVariable) ?? "",
    };

    public static Option<string?> ClientId() => new("--client-id")
    {
        Description = $"The API user's client id (umbraco-back-office-…); or {SiteClient.ClientIdVariable}. The secret is read from {SiteClient.SecretVariable} only.",
        HelpName = "id",
    };

    /// <summary>Signs in to the site the options name.</summary>
    public static Task<SiteClient> ConnectAsync(string site, string? clientId, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(site)
            ? throw new CommandException($"No site: give --site <url> or set {SiteClient.SiteVariable}.")
            : SiteClient.ConnectAsync(site, clientId, cancellationToken);
}
