using System.Net;
using System.Text.Json;
using IcssiCms.Core.Schema;
using IcssiCms.Web.IntegrationTests.Hosting;

namespace IcssiCms.Web.IntegrationTests.Delivery;

/// <summary>What the query endpoint refuses, and what Umbraco lets through.</summary>
[Collection(SeededSiteCollection.Name)]
public sealed class QueryValidationTests(HubSite site)
{
    private DeliveryApiClient Api { get; } = new(site.CreateClient());

    [Theory]
    [InlineData("fetch", "parent:/campaigns/", "Selector option not found")]
    [InlineData("fetch", "siblings:/campaigns/save-the-tigris/", "Selector option not found")]
    [InlineData("filter", "colour:red", "Filter option not found")]
    [InlineData("filter", "upcoming:maybe", "Filter option not found")]
    [InlineData("filter", "eventDate>soon", "Filter option not found")]
    [InlineData("sort", "colour:asc", "Sort option not found")]
    [InlineData("sort", "eventDate:sideways", "Sort option not found")]
    public async Task An_Unknown_Fetch_Filter_Or_Sort_Is_A_Bad_Request_That_Names_The_Parameter(string parameter, string value, string title)
    {
        var problem = await BadRequestAsync((parameter, value));

        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.Contains($"'{parameter}'", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task One_Unknown_Filter_Among_Known_Ones_Makes_The_Query_A_Bad_Request()
    {
        var problem = await BadRequestAsync(("filter", "contentType:campaign"), ("filter", "colour:red"), ("filter", "campaign:save-the-tigris"));

        Assert.Equal("Filter option not found", problem.GetProperty("title").GetString());
        Assert.Contains("'filter'", problem.GetProperty("detail").GetString());
    }

    /// <summary>Umbraco drops a built-in date filter whose value is not a date, and answers as if it were not there.</summary>
    [Fact]
    public async Task A_Create_Date_Filter_With_A_Value_That_Is_Not_A_Date_Filters_Nothing_Out()
    {
        var unfiltered = await Api.QueryAllAsync();
        var yesterday = await Api.QueryAllAsync(("filter", "createDate>yesterday"));

        Assert.Equal(SeedContent.Hub.PublishedIn(HubCultures.English).Count(), yesterday.Total);
        Assert.Equal(unfiltered.Ids.Order(), yesterday.Ids.Order());
    }

    /// <summary>Umbraco 18 throws on a negative skip or take (a 500); the plugin answers 400 first, naming the parameter.</summary>
    [Theory]
    [InlineData("skip", "-1")]
    [InlineData("take", "-7")]
    [InlineData("take", "ten")]
    [InlineData("skip", "99999999999")]
    public async Task A_Skip_Or_Take_That_Is_Not_A_Whole_Number_Of_Zero_Or_More_Is_A_Bad_Request_Naming_It(string parameter, string value)
    {
        var problem = await BadRequestAsync((parameter, value));

        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
        Assert.Contains($"'{value}'", problem.GetProperty("detail").GetString());
    }

    private async Task<JsonElement> BadRequestAsync(params (string Name, string Value)[] query)
    {
        using var response = await Api.SendAsync(DeliveryApiClient.QueryUrl(query));
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await DeliveryApiClient.ReadJsonAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        return problem;
    }
}
