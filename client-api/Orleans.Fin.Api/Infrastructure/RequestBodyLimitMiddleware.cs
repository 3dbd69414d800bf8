using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Orleans.Fin.Api.Hosting;

namespace Orleans.Fin.Api.Infrastructure;

/// <summary>
/// Refuses bodies larger than the limit (a tighter one for anonymous endpoints) with 413, before any handler reads them. A body
/// without a declared length is read up to the limit here, so the refusal is the same whatever the transport does.
/// </summary>
internal sealed class RequestBodyLimitMiddleware(RequestDelegate next, IOptions<SecurityOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        // Anonymous endpoints (onboarding, dev-token) take small bodies from anyone: they get the tighter limit.
        var endpoint = context.GetEndpoint();
        var limit = endpoint?.Metadata.GetMetadata<IAllowAnonymous>() is not null
            ? options.Value.AnonymousMaxRequestBodyBytes
            : options.Value.MaxRequestBodyBytes;
        var request = context.Request;
        if (request.ContentLength > limit)
        {
            throw TooLarge(limit);
        }

        if (request.ContentLength is null && HasBody(request))
        {
            var buffer = new MemoryStream();
            var chunk = new byte[8192];
            int read;
            while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    throw TooLarge(limit);
                }

                buffer.Write(chunk, 0, read);
            }

            buffer.Position = 0;
            request.Body = buffer;
            request.ContentLength = buffer.Length;
            context.Response.RegisterForDispose(buffer);
        }

        await next(context);
    }

    private static bool HasBody(HttpRequest request) =>
        request.Headers.TransferEncoding.Count > 0 || HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method);

    private static BadHttpRequestException TooLarge(long limit) =>
        new($"The request body is larger than the {limit} bytes this endpoint accepts.", StatusCodes.Status413PayloadTooLarge);
}
