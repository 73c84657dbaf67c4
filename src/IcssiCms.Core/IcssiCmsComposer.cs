using Umbraco.Cms.Core.Composing;
using Umbraco.Cms.Core.DependencyInjection;

namespace IcssiCms.Core;

/// <summary>Found by Umbraco's type scanning in a site that references this package: adds the hub's services.</summary>
public sealed class IcssiCmsComposer : IComposer
{
    public void Compose(IUmbracoBuilder builder) => builder.AddIcssiCms();
}
