using System.Net;
using DeepCnn.KernelOriginGuard;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

[assembly: HostingStartup(typeof(OriginGuard))]

namespace DeepCnn.KernelOriginGuard;

/// <summary>
/// Limits the kernel's HTTP API to pages served from this machine's loopback address, as Jupyter's are.
/// </summary>
/// <remarks>
/// dotnet-interactive 1.0.712001 always serves its HTTP API as a Jupyter kernel (its <c>jupyter</c> command has no
/// switch to turn it off: <c>--http-port-range</c> has a default) and its CORS policy allows every origin with
/// credentials. So any web page open in the reader's browser could call the API, which runs code. This assembly,
/// loaded into the kernel as an ASP.NET Core hosting startup, refuses every request whose <c>Origin</c> is not a
/// loopback page (a page elsewhere, <c>null</c>), including WebSocket handshakes and simple POSTs that CORS does not
/// stop, and every request whose <c>Host</c> is not a loopback name (a DNS-rebinding page sends its own host name),
/// and narrows the kernel's CORS policy to the same origins. Requests without an Origin (programs, not pages) pass.
/// </remarks>
public sealed class OriginGuard : IHostingStartup
{
    /// <summary>The CORS policy name the kernel registers and uses.</summary>
    private const string KernelPolicy = "default";

    public void Configure(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // Read by now; processes the kernel starts must not look for this assembly (the startup hook cleared its own).
        Environment.SetEnvironmentVariable("ASPNETCORE_HOSTINGSTARTUPASSEMBLIES", null);
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<IStartupFilter, RefuseOtherOrigins>();
            services.PostConfigure<CorsOptions>(options => options.AddPolicy(KernelPolicy, policy => policy
                .SetIsOriginAllowed(IsLoopbackOrigin).AllowAnyMethod().AllowAnyHeader().AllowCredentials()));
        });
    }

    /// <summary>An origin such as <c>http://localhost:8888</c> or <c>http://127.0.0.1:8888</c>: http(s) on loopback.</summary>
    public static bool IsLoopbackOrigin(string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && uri.IsLoopback;

    /// <summary>A Host header that names this machine's loopback: localhost, 127.x.x.x or [::1].</summary>
    public static bool IsLoopbackHost(HostString host) =>
        host.HasValue && (string.Equals(host.Host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address)));

    private sealed class RefuseOtherOrigins : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, following) =>
            {
                var origins = context.Request.Headers.Origin;
                if (!IsLoopbackHost(context.Request.Host) || origins.Any(origin => origin is null || !IsLoopbackOrigin(origin)))
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return;
                }

                await following(context).ConfigureAwait(false);
            });
            next(app);
        };
    }
}
