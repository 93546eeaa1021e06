namespace Storyfold.Server.Api;

/// <summary>RFC 9457 problem details for the errors the API reports, each with a plain sentence saying what to fix.</summary>
public static class Problems
{
    public static IResult BadRequest(string detail, IDictionary<string, string[]>? errors = null) =>
        errors is null
            ? Results.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad request")
            : Results.ValidationProblem(errors, detail: detail, title: "Bad request");

    public static IResult BadParameter(string name, string detail) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [name] = [detail] }, detail: $"{name}: {detail}", title: "Bad parameter");

    public static IResult NotFound(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static IResult Unauthorized(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized");

    public static IResult Forbidden(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status403Forbidden, title: "Writes are disabled");

    public static IResult TooLarge(long limit) =>
        Results.Problem(detail: $"the request body is larger than {limit} bytes", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request body too large");

    public static IResult UnsupportedMediaType(string? contentType) =>
        Results.Problem(
            detail: $"send JSON (application/json: one article or an array) or JSON Lines (application/x-ndjson), not '{contentType}'",
            statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type");

    /// <summary>Ids come from URLs: any printable text up to a sane length.</summary>
    public static IResult? CheckId(string kind, string id) =>
        id.Length is 0 or > 300 || id.Any(char.IsControl)
            ? BadParameter("id", $"'{Shorten(id)}' is not a valid {kind} id")
            : null;

    private static string Shorten(string text) => text.Length > 60 ? text[..60] + "…" : text;
}
