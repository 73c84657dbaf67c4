using IcssiCms.Core.Schema;
using Umbraco.Cms.Core.PublishedCache;

namespace IcssiCms.UnitTests.Core.Publishing;

/// <summary>The hub's default language, as Umbraco's accessor gives it on the site.</summary>
internal sealed class EnglishByDefault : IDefaultCultureAccessor
{
    public string DefaultCulture => HubCultures.English;
}
