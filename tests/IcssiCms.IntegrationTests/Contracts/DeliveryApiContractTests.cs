using System.Text.Json.Nodes;
using IcssiCms.IntegrationTests.Hosting;

namespace IcssiCms.IntegrationTests.Contracts;

/// <summary>
/// The host's OpenAPI document against Umbraco's own Delivery API v2 document: the content paths, their parameters
/// and response codes, and the response schemas must be the same, so these tests fail when the two drift apart.
/// </summary>
public sealed class DeliveryApiContractTests(DeliveryApiContractTests.Documents documents) : IClassFixture<DeliveryApiContractTests.Documents>
{
    private const string ContentPaths = "/umbraco/delivery/api/v2/content";
    private static readonly string[] ContentSchemas =
        ["ApiContentResponseModel", "ApiContentRouteModel", "ApiContentStartItemModel", "PagedIApiContentResponseModel"];

    private readonly JsonNode _ours = documents.Ours;
    private readonly JsonNode _umbraco = documents.Umbraco;

    /// <summary>The host's document, fetched once from a running host, and Umbraco's.</summary>
    public sealed class Documents : IAsyncLifetime
    {
        public JsonNode Ours { get; private set; } = null!;

        public JsonNode Umbraco { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            using var folder = new TemporaryFolder();
            await using var host = new EmbeddedHostFactory(folder.Path, EmbeddedHostFactory.HubUsyncFolder);
            await host.StartupImport;
            using var client = host.CreateClient();
            Ours = JsonNode.Parse(await client.GetStringAsync("/umbraco/swagger/delivery/swagger.json"))!;
            Umbraco = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Contracts", "umbraco-delivery-api-v2.openapi.json")))!;
        }

        public Task DisposeAsync() => Task.CompletedTask;
    }

    public static TheoryData<string> ContentOperations() =>
        ["/umbraco/delivery/api/v2/content", "/umbraco/delivery/api/v2/content/item/{id}", "/umbraco/delivery/api/v2/content/item/{path}", "/umbraco/delivery/api/v2/content/items"];

    [Fact]
    public void Serves_Every_Content_Path_Of_The_Contract_And_No_Other()
    {
        Assert.Equal(Paths(_umbraco).Order(), Paths(_ours).Order());
    }

    [Theory]
    [MemberData(nameof(ContentOperations))]
    public void Each_Content_Operation_Takes_The_Contracts_Parameters(string path)
    {
        Assert.Equal(Parameters(_umbraco, path), Parameters(_ours, path));
    }

    [Theory]
    [MemberData(nameof(ContentOperations))]
    public void Each_Content_Operation_Answers_With_The_Contracts_Status_Codes(string path)
    {
        Assert.Equal(StatusCodes(_umbraco, path), StatusCodes(_ours, path));
    }

    [Fact]
    public void The_Response_Schemas_Have_The_Contracts_Properties_Types_And_Required_Members()
    {
        foreach (var name in ContentSchemas)
        {
            Assert.Equal(Schema(_umbraco, name), Schema(_ours, name));
        }
    }

    private static IEnumerable<string> Paths(JsonNode document) =>
        document["paths"]!.AsObject().Select(p => p.Key).Where(p => p.StartsWith(ContentPaths, StringComparison.Ordinal));

    private static string Parameters(JsonNode document, string path) => string.Join(", ",
        document["paths"]![path]!["get"]!["parameters"]!.AsArray()
            .Select(p => $"{p!["in"]}:{p["name"]}:{TypeOf(p["schema"])}")
            .Order(StringComparer.Ordinal));

    private static string StatusCodes(JsonNode document, string path) => string.Join(", ",
        document["paths"]![path]!["get"]!["responses"]!.AsObject().Select(r => r.Key).Order(StringComparer.Ordinal));

    private static string Schema(JsonNode document, string name)
    {
        var schema = document["components"]!["schemas"]![name]!;
        var properties = schema["properties"]!.AsObject().Select(p => $"{p.Key}:{TypeOf(p.Value)}").Order(StringComparer.Ordinal);
        var required = schema["required"]!.AsArray().Select(r => r!.ToString()).Order(StringComparer.Ordinal);
        return $"{name} {{ {string.Join(", ", properties)} }} required [{string.Join(", ", required)}]";
    }

    /// <summary>A schema's type, seen through Umbraco's <c>oneOf</c> wrappers and references, arrays and maps.</summary>
    private static string TypeOf(JsonNode? schema)
    {
        if (schema is null)
        {
            return "none";
        }

        if (schema["oneOf"] is JsonArray oneOf && oneOf.Count == 1)
        {
            return TypeOf(oneOf[0]);
        }

        if (schema["$ref"] is { } reference)
        {
            return reference.ToString().Split('/')[^1];
        }

        var type = schema["type"]?.ToString() ?? "any";
        return type switch
        {
            "array" => $"array<{TypeOf(schema["items"])}>",
            "object" when schema["additionalProperties"] is JsonObject values && values.Count > 0 => $"map<{TypeOf(values)}>",
            "string" when schema["format"] is { } format => $"string({format})",
            _ => type,
        };
    }
}
