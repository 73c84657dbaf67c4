using Asp.Versioning;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Umbraco.Cms.Api.Management.Controllers;
using Umbraco.Cms.Api.Management.Routing;
using Umbraco.Cms.Web.Common.Authorization;

namespace IcssiCms.Core.Forms;

/// <summary>
/// The hub's forms for the back office (the form picker lists them), under Umbraco's back-office authentication: any
/// user with access to the content section.
/// </summary>
[ApiVersion("1.0")]
[VersionedApiBackOfficeRoute("icssi/forms")]
[ApiExplorerSettings(GroupName = "ICSSI forms")]
[Authorize(Policy = AuthorizationPolicies.SectionAccessContent)]
public sealed class FormsApiController(HubForms forms) : ManagementApiControllerBase
{
    [HttpGet]
    [ProducesResponseType<IReadOnlyList<FormSummary>>(StatusCodes.Status200OK)]
    public IActionResult List() =>
        Ok(forms.GetAll().Select(f => new FormSummary(f.Key, f.Alias, f.Name)).ToList());
}

/// <summary>A form as the picker shows it.</summary>
public sealed record FormSummary(Guid Id, string Alias, string Name);
