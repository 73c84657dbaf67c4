using IcssiCms.Core.Schema;
using IcssiCms.Web.IntegrationTests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Umbraco.Cms.Core.Services;

namespace IcssiCms.Web.IntegrationTests.Registrations;

/// <summary>An event's capacity, set and published through Umbraco's content service as an editor would.</summary>
public static class EventCapacity
{
    /// <summary>Publishes the event with a capacity (null: no limit), and with no limit again when disposed.</summary>
    public static IDisposable Set(HubSite site, Guid eventKey, int? capacity)
    {
        Publish(site, eventKey, capacity);
        return new Restore(() => Publish(site, eventKey, null));
    }

    public static void Publish(HubSite site, Guid eventKey, int? capacity)
    {
        var content = site.Services.GetRequiredService<IContentService>();
        var item = content.GetById(eventKey)!;
        item.SetValue(HubContentTypes.Conference.Capacity, capacity);
        Assert.True(content.SaveAndPublish(item, item.AvailableCultures.ToArray()).Success);
    }

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}
