using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;

namespace Orleans.Fin.Api.Infrastructure;

/// <summary>
/// The risk console's files, read once from the resources embedded in this assembly: nothing is fetched from disk or from
/// outside the node. A file is found by its name under the console folder (for example <c>app.js</c>, <c>views/cases.js</c>).
/// </summary>
public sealed class ConsoleAssets
{
    public const string ResourcePrefix = "console/";
    public const string Page = "index.html";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private readonly FrozenDictionary<string, ConsoleAsset> _files;

    public ConsoleAssets()
        : this(typeof(ConsoleAssets).Assembly)
    {
    }

    public ConsoleAssets(Assembly assembly)
    {
        var files = new Dictionary<string, ConsoleAsset>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            var name = resource[ResourcePrefix.Length..].Replace('\\', '/');
            if (ContentTypes.TryGetValue(Path.GetExtension(name), out var contentType))
            {
                using var stream = assembly.GetManifestResourceStream(resource)!;
                using var buffer = new MemoryStream();
                stream.CopyTo(buffer);
                var bytes = buffer.ToArray();
                files[name] = new ConsoleAsset(bytes, contentType, $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..16]}\"");
            }
        }

        _files = files.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public IReadOnlyCollection<string> Names => _files.Keys;

    public ConsoleAsset? Find(string name) => _files.GetValueOrDefault(name);
}
