using Umbraco.Cms.Core.Composing;
using Umbraco.Cms.Core.DependencyInjection;
using Umbraco.Cms.Infrastructure.Examine;

namespace IcssiCms.Core;

/// <summary>
/// Found by Umbraco's type scanning in a site that references this package: adds the hub's services. It runs after
/// Umbraco's Examine composer, whose index rebuild after a start the plugin replaces.
/// </summary>
[ComposeAfter(typeof(AddExamineComposer))]
public sealed class IcssiCmsComposer : IComposer
{
    public void Compose(IUmbracoBuilder builder) => builder.AddIcssiCms();
}
