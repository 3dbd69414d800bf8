using Orleans.Runtime;

namespace Orleans.Fin.Common;

/// <summary>
/// Grain references by string key for the payment path. <c>IGrainFactory.GetGrain&lt;T&gt;(string)</c> resolves the
/// interface's type by reading its custom attributes on every call (about 5% of a node's CPU under the payments load,
/// see docs/BENCHMARKS.md "What bounds payment throughput"); this resolves the grain and interface types once per
/// interface and builds each reference from them. The reference is the one GetGrain returns: same grain id, same
/// interface, same runtime.
/// </summary>
public static class GrainReferences
{
    public static T Get<T>(this IGrainFactory factory, string key) where T : IGrainWithStringKey
    {
        var types = TypesOf<T>.Resolved ??= Resolve(factory.GetGrain<T>("-"));
        return (T)factory.GetGrain(GrainId.Create(types.Grain, key), types.Interface);
    }

    public static T Get<T>(this IGrainFactory factory, long key) where T : IGrainWithIntegerKey
    {
        var types = TypesOf<T>.Resolved ??= Resolve(factory.GetGrain<T>(0));
        return (T)factory.GetGrain(GrainId.Create(types.Grain, GrainIdKeyExtensions.CreateIntegerKey(key)), types.Interface);
    }

    private static ResolvedTypes Resolve(IAddressable sample)
    {
        var reference = (GrainReference)sample;
        return new ResolvedTypes(reference.GrainId.Type, reference.InterfaceType);
    }

    // A class, so that threads resolving at once publish a whole pair with one reference write.
    private sealed record ResolvedTypes(GrainType Grain, GrainInterfaceType Interface);

    private static class TypesOf<T>
    {
        public static ResolvedTypes? Resolved;
    }
}
