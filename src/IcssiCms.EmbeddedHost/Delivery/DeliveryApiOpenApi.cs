using IcssiCms.EmbeddedHost.Delivery.Rendering;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using HeaderNames = Umbraco.Cms.Core.Constants.DeliveryApi.HeaderNames;

namespace IcssiCms.EmbeddedHost.Delivery;

/// <summary>
/// The host's own OpenAPI document for the Delivery API, at Umbraco's address
/// (<c>/umbraco/swagger/delivery/swagger.json</c>), with Umbraco's schema names and request headers, so that
/// clients generated from Umbraco's document and from this one are the same.
/// </summary>
internal static class DeliveryApiOpenApi
{
    public const string DocumentName = "delivery";
    public const string Route = "/umbraco/swagger/{documentName}/swagger.json";

    private static readonly Dictionary<Type, string> SchemaNames = new()
    {
        [typeof(ContentItemResponse)] = "ApiContentResponseModel",
        [typeof(ContentRoute)] = "ApiContentRouteModel",
        [typeof(ContentStartItem)] = "ApiContentStartItemModel",
        [typeof(PagedContentResponse)] = "PagedIApiContentResponseModel",
        [typeof(ProblemDetails)] = "ProblemDetails",
        [typeof(HttpValidationProblemDetails)] = "ProblemDetails",
    };

    private static readonly (string Name, string Description, JsonSchemaType Type)[] Headers =
    [
        (HeaderNames.AcceptLanguage, "Defines the language to return. Use this when querying language variant content items.", JsonSchemaType.String),
        (HeaderNames.AcceptSegment, "Defines the segment to return. Use this when querying segment variant content items.", JsonSchemaType.String),
        (HeaderNames.ApiKey, "API key specified through configuration to authorize access to the API.", JsonSchemaType.String),
        (HeaderNames.Preview, "Whether to request draft content.", JsonSchemaType.Boolean),
        (HeaderNames.StartItem, "URL segment or GUID of a root content item.", JsonSchemaType.String),
    ];

    public static IServiceCollection AddDeliveryApiOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, options =>
        {
            options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_0;
            options.ShouldInclude = description => description.RelativePath?.StartsWith(DeliveryApi.BasePath.TrimStart('/'), StringComparison.Ordinal) == true;
            options.CreateSchemaReferenceId = type => SchemaNames.GetValueOrDefault(type.Type) ?? OpenApiOptions.CreateDefaultSchemaReferenceId(type);
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo { Title = "Umbraco Delivery API", Version = "Latest" };
                return Task.CompletedTask;
            });
            options.AddSchemaTransformer((schema, context, _) =>
            {
                // Property values are any JSON, null included, as in Umbraco's document.
                if (context.JsonTypeInfo.Type == typeof(IReadOnlyDictionary<string, object?>))
                {
                    schema.AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Null };
                }

                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, _, _) =>
            {
                operation.Parameters ??= [];
                foreach (var paging in operation.Parameters.OfType<OpenApiParameter>().Where(p => p.Name is "skip" or "take"))
                {
                    // Paging is a whole number in the query string, as Umbraco documents it (not "number or string").
                    paging.Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Integer,
                        Format = "int32",
                        Default = System.Text.Json.Nodes.JsonValue.Create(paging.Name == "skip" ? 0 : DeliveryApi.DefaultTake),
                    };
                }

                foreach (var (name, description, type) in Headers)
                {
                    operation.Parameters.Add(new OpenApiParameter
                    {
                        Name = name,
                        In = ParameterLocation.Header,
                        Description = description,
                        Schema = new OpenApiSchema { Type = type },
                    });
                }

                return Task.CompletedTask;
            });
        });
}
