using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Umbraco.Cms.Core.Configuration.Models;

namespace IcssiCms.Core.Registrations.Mail;

/// <summary>
/// A relative <c>Umbraco:CMS:Global:Smtp:PickupDirectoryLocation</c> (the repository's <c>umbraco/Data/Mail</c>) is taken
/// from the site's content root rather than from whatever folder the process was started in, and the folder is made:
/// Umbraco's mail sender writes into it but does not create it.
/// </summary>
public sealed class PickupDirectoryUnderContentRoot(IHostEnvironment environment) : IPostConfigureOptions<GlobalSettings>
{
    public void PostConfigure(string? name, GlobalSettings options)
    {
        if (options.Smtp is not { PickupDirectoryLocation: { Length: > 0 } folder } smtp)
        {
            return;
        }

        smtp.PickupDirectoryLocation = Path.GetFullPath(folder, environment.ContentRootPath);
        Directory.CreateDirectory(smtp.PickupDirectoryLocation);
    }
}
