using IcssiCms.Core;
using IcssiCms.Core.Delivery.Indexing;
using IcssiCms.Core.Publishing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Umbraco.Cms.Core.Cache;
using Umbraco.Cms.Core.Composing;
using Umbraco.Cms.Core.DeliveryApi;
using Umbraco.Cms.Core.DependencyInjection;
using Umbraco.Cms.Core.Events;
using Umbraco.Cms.Core.Hosting;
using Umbraco.Cms.Core.Logging;
using Umbraco.Cms.Core.Models.PublishedContent;
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

    [Theory]
    [InlineData("campaign:save-the-tigris")]
    [InlineData("upcoming:true")]
    [InlineData("eventDate>2014-10-28")]
    [InlineData("search:Tigris")]
    public void A_Site_That_Composes_The_Plugin_Has_A_Filter_For_Each_Hub_Query(string filter)
    {
        var builder = new ServicesOnlyBuilder();
        new IcssiCmsComposer().Compose(builder);
        builder.RegisterCollections();
        builder.Services.AddSingleton<IVariationContextAccessor, ThreadCultureVariationContextAccessor>(); // Umbraco's core registers it

        using var services = builder.Services.BuildServiceProvider();
        var filters = services.GetRequiredService<FilterHandlerCollection>();

        Assert.Single(filters, f => f.CanHandle(filter));
    }

    [Fact]
    public void A_Site_That_Composes_The_Plugin_Sorts_By_Event_Date_And_Indexes_The_Hub_Fields()
    {
        var builder = new ServicesOnlyBuilder();
        new IcssiCmsComposer().Compose(builder);
        builder.RegisterCollections();

        using var services = builder.Services.BuildServiceProvider();

        Assert.Single(services.GetRequiredService<SortHandlerCollection>(), s => s.CanHandle("eventDate:desc"));
        Assert.True(builder.WithCollectionBuilder<ContentIndexHandlerCollectionBuilder>().Has<CampaignFilterIndexer>());
        Assert.True(builder.WithCollectionBuilder<ContentIndexHandlerCollectionBuilder>().Has<EventDateIndexer>());
        Assert.True(builder.WithCollectionBuilder<ContentIndexHandlerCollectionBuilder>().Has<SearchTextIndexer>());
    }

    /// <summary>An Umbraco builder with only its services and collection builders: what a composer touches.</summary>
    private sealed class ServicesOnlyBuilder : IUmbracoBuilder
    {
        public IServiceCollection Services { get; } = new ServiceCollection();

        public IConfiguration Config => throw new NotSupportedException();

        public TypeLoader TypeLoader => throw new NotSupportedException();

        public ILoggerFactory BuilderLoggerFactory => throw new NotSupportedException();

        public IHostingEnvironment? BuilderHostingEnvironment => throw new NotSupportedException();

        public IProfiler Profiler => throw new NotSupportedException();

        public AppCaches AppCaches => throw new NotSupportedException();

        private readonly Dictionary<Type, ICollectionBuilder> _collections = [];

        public TBuilder WithCollectionBuilder<TBuilder>()
            where TBuilder : ICollectionBuilder
        {
            if (!_collections.TryGetValue(typeof(TBuilder), out var collection))
            {
                collection = Activator.CreateInstance<TBuilder>();
                _collections[typeof(TBuilder)] = collection;
            }

            return (TBuilder)collection;
        }

        /// <summary>What Umbraco's Build does with the collection builders.</summary>
        public void RegisterCollections()
        {
            foreach (var collection in _collections.Values)
            {
                collection.RegisterWith(Services);
            }
        }

        public void Build() => throw new NotSupportedException();
    }
}
