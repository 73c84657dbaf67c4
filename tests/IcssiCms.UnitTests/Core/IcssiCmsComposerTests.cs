using IcssiCms.Core;
using IcssiCms.Core.Publishing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Umbraco.Cms.Core.Cache;
using Umbraco.Cms.Core.Composing;
using Umbraco.Cms.Core.DependencyInjection;
using Umbraco.Cms.Core.Events;
using Umbraco.Cms.Core.Hosting;
using Umbraco.Cms.Core.Logging;
using Umbraco.Cms.Core.Notifications;

namespace IcssiCms.UnitTests.Core;

public sealed class IcssiCmsComposerTests
{
    [Fact]
    public void A_Site_That_Composes_The_Plugin_Runs_Both_Publishing_Rules()
    {
        var builder = new ServicesOnlyBuilder();

        new IcssiCmsComposer().Compose(builder);

        var handlers = builder.Services
            .Where(s => s.ServiceType == typeof(INotificationHandler<ContentPublishingNotification>))
            .Select(s => s.ImplementationType)
            .ToList();
        Assert.Contains(typeof(NewsMustPickCampaign), handlers);
        Assert.Contains(typeof(ConferenceEndsAfterStart), handlers);
    }

    /// <summary>An Umbraco builder with only its service collection: all that registering notification handlers needs.</summary>
    private sealed class ServicesOnlyBuilder : IUmbracoBuilder
    {
        public IServiceCollection Services { get; } = new ServiceCollection();

        public IConfiguration Config => throw new NotSupportedException();

        public TypeLoader TypeLoader => throw new NotSupportedException();

        public ILoggerFactory BuilderLoggerFactory => throw new NotSupportedException();

        public IHostingEnvironment? BuilderHostingEnvironment => throw new NotSupportedException();

        public IProfiler Profiler => throw new NotSupportedException();

        public AppCaches AppCaches => throw new NotSupportedException();

        public TBuilder WithCollectionBuilder<TBuilder>()
            where TBuilder : ICollectionBuilder => throw new NotSupportedException();

        public void Build() => throw new NotSupportedException();
    }
}
