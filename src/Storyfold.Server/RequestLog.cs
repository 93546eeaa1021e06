using System.Diagnostics;

namespace Storyfold.Server;

/// <summary>One structured log line a request: method, path, status, time taken and client.</summary>
public sealed partial class RequestLog(RequestDelegate next, ILogger<RequestLog> logger)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(http);
        }
        finally
        {
            if (logger.IsEnabled(LogLevel.Information))
            {
                LogRequest(logger, http.Request.Method, http.Request.Path.Value ?? "", http.Response.StatusCode,
                    Stopwatch.GetElapsedTime(started).TotalMilliseconds, http.Connection.RemoteIpAddress?.ToString() ?? "-");
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Path} {Status} {ElapsedMs:0.0} ms {Client}")]
    private static partial void LogRequest(ILogger logger, string method, string path, int status, double elapsedMs, string client);
}
