using System.Net;
using System.Text.Json;

namespace IcssiCms.IntegrationTests.Delivery;

/// <summary>What the query endpoint refuses: 400 with a problem document that names the parameter and the value.</summary>
[Collection(DeliveryApiCollection.Name)]
public sealed class QueryValidationTests(SeededHubFixture hub)
{
    private DeliveryApiClient Api => hub.Api;

    [Theory]
    [InlineData("fetch", "parent:/campaigns/")]
    [InlineData("fetch", "siblings:/campaigns/save-the-tigris/")]
    [InlineData("filter", "colour:red")]
    [InlineData("filter", "upcoming:maybe")]
    [InlineData("filter", "eventDate>soon")]
    [InlineData("filter", "createDate>yesterday")]
    [InlineData("sort", "colour:asc")]
    [InlineData("sort", "name:sideways")]
    public async Task An_Unknown_Fetch_Filter_Or_Sort_Is_A_Bad_Request_That_Names_The_Parameter_And_Quotes_The_Value(string parameter, string value)
    {
        var problem = await BadRequestAsync((parameter, value));

        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
        Assert.Contains($"'{value}'", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Among_Several_Filters_The_Problem_Quotes_The_Unknown_One()
    {
        var problem = await BadRequestAsync(("filter", "contentType:campaign"), ("filter", "colour:red"), ("filter", "search:tigris"));

        Assert.Equal("filter", problem.GetProperty("parameter").GetString());
        Assert.Contains("'colour:red'", problem.GetProperty("detail").GetString());
        Assert.DoesNotContain("contentType:campaign", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("skip")]
    [InlineData("take")]
    public async Task A_Negative_Skip_Or_Take_Is_A_Bad_Request_That_Names_The_Parameter(string parameter)
    {
        var problem = await BadRequestAsync((parameter, "-1"));

        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData("skip", "-3")]
    [InlineData("take", "-7")]
    public async Task A_Negative_Skip_Or_Take_Problem_Quotes_The_Value(string parameter, string value)
    {
        var problem = await BadRequestAsync((parameter, value));

        Assert.Contains($"'{value}'", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_Event_Date_Sort_With_An_Unknown_Direction_Is_A_Bad_Request_Like_The_Built_In_Sorts()
    {
        var problem = await BadRequestAsync(("sort", "eventDate:sideways"));

        Assert.Equal("sort", problem.GetProperty("parameter").GetString());
    }

    private async Task<JsonElement> BadRequestAsync(params (string Name, string Value)[] query)
    {
        using var response = await Api.SendAsync(DeliveryApiClient.QueryUrl(query));
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await DeliveryApiClient.ReadJsonAsync(response, HttpStatusCode.BadRequest);
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        return problem;
    }
}
