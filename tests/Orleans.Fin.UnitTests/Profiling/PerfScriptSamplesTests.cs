using Orleans.Fin.ProfileReport;

namespace Orleans.Fin.UnitTests.Profiling;

public sealed class PerfScriptSamplesTests
{
    private const string Map = "(/tmp/perf-22557.map)";

    [Fact]
    public void Parse_MethodFromThePerfMap_IsNamedAsTheEventPipeSamplerNamesIt()
    {
        var frame = PerfFrame.Parse(
            "\t    7f10c04ef4a5 instance class [System.Memory.Data]System.BinaryData [Orleans.Fin.Grains] Orleans.Fin.Common.StateJsonSerializer::Serialize(!!0)[OptimizedTier1]+0x585 " + Map);

        Assert.True(frame.IsManaged);
        Assert.Equal("Orleans.Fin.Common.StateJsonSerializer.Serialize(!!0)", frame.Method);
    }

    [Fact]
    public void Parse_GenericTypeWithoutOffset_KeepsItsArguments()
    {
        var frame = PerfFrame.Parse(
            "\t    7f10c083a624 instance bool [System.Text.Json] System.Text.Json.Serialization.JsonCollectionConverter`2[System.__Canon,Orleans.Fin.Risk.Domain.PaymentRecord]::OnTryWrite(class System.Text.Json.Utf8JsonWriter)[QuickJitted] " + Map);

        Assert.Equal("System.Text.Json.Serialization.JsonCollectionConverter`2[System.__Canon,Orleans.Fin.Risk.Domain.PaymentRecord].OnTryWrite(class System.Text.Json.Utf8JsonWriter)", frame.Method);
    }

    [Theory]
    [InlineData("\t          5fa3cc [unknown] (/usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.12/libcoreclr.so)", "libcoreclr.so")]
    [InlineData("\t           891f5 start_thread+0x305 (/usr/lib/x86_64-linux-gnu/libc.so.6)", "libc.so.6")]
    [InlineData("\tffffffff8b2c1a2e finish_task_switch.isra.0+0x9e ([kernel.kallsyms])", PerfFrame.Kernel)]
    [InlineData("\t    7f10c0060e54 stub InitThreadManagerPerfMapData<JIT_CopiedWriteBarriers>+0x4 " + Map, "stub")]
    public void Parse_NativeFrame_NamesItsLibrary(string line, string library)
    {
        var frame = PerfFrame.Parse(line);

        Assert.False(frame.IsManaged);
        Assert.Equal(library, frame.Library);
    }

    [Theory]
    [InlineData("OpenTelemetry-P 22684 62746.633847:    2004008 cpu-clock:pppH: ", "OpenTelemetry-P")]
    [InlineData(".NET TP Worker 22654 62746.130069:    2004008 cpu-clock:pppH: ", ".NET TP Worker")]
    public void ThreadName_NameWithSpaces_IsEverythingBeforeTheThreadId(string header, string name) =>
        Assert.Equal(name, PerfScriptSamples.ThreadName(header));

    [Fact]
    public void Classify_CollectorThread_IsGcWhateverItRuns()
    {
        var sample = PerfScriptSamples.Classify(".NET Server GC", [Native("libcoreclr.so"), Managed("Orleans.Fin.Accounts.AccountGrain.Post()")]);

        Assert.Equal(CpuCategory.Gc, sample.Category);
    }

    [Fact]
    public void Classify_CompilerOnAPoolThread_IsJit()
    {
        var sample = PerfScriptSamples.Classify(".NET TP Worker", [Native("libclrjit.so"), Native("libcoreclr.so"), Managed("Orleans.Fin.Accounts.AccountGrain.Post()")]);

        Assert.Equal(CpuCategory.Jit, sample.Category);
    }

    [Fact]
    public void Classify_NativeLeafUnderOurCode_CountsForOurCode()
    {
        var sample = PerfScriptSamples.Classify(".NET TP Worker", [Native("libcoreclr.so"), Managed("Orleans.Fin.Accounts.AccountGrain+<Post>d__25.MoveNext()")]);

        Assert.Equal((CpuCategory.Grains, "Accounts.AccountGrain"), sample);
    }

    [Fact]
    public void Classify_WaitAtTheLeaf_IsASpinBecausePerfSawItOnACpu()
    {
        var sample = PerfScriptSamples.Classify(
            ".NET TP Worker", [Managed("System.Threading.LowLevelLifoSemaphore.Wait(int32,bool)"), Managed("System.Threading.PortableThreadPool+WorkerThread.WorkerThreadStart()")]);

        Assert.Equal(CpuCategory.Spin, sample.Category);
    }

    [Fact]
    public void Classify_NoManagedFrame_IsKernelOrNativeRuntime()
    {
        Assert.Equal(CpuCategory.Kernel, PerfScriptSamples.Classify(".NET TP Worker", [Native(PerfFrame.Kernel)]).Category);
        Assert.Equal(CpuCategory.NativeRuntime, PerfScriptSamples.Classify(".NET TP Worker", [Native(PerfFrame.Kernel), Native("libc.so.6")]).Category);
    }

    [Fact]
    public void Classify_OrleansMeterObservedByTheExporter_IsTelemetryNotMessaging()
    {
        var sample = PerfScriptSamples.Classify(
            "OpenTelemetry-P", [Managed("Orleans.Runtime.DirectoryInstruments.ObserveCacheSize()"), Managed("System.Diagnostics.Metrics.ObservableInstrument`1[System.Int32].Observe(class System.Diagnostics.Metrics.MeterListener)")]);

        Assert.Equal(CpuCategory.Telemetry, sample.Category);
    }

    [Fact]
    public void Classify_NestedTypeOfAnOrleansMeter_IsTelemetry()
    {
        var sample = PerfScriptSamples.Classify(
            ".NET TP Worker", [Managed("Orleans.Runtime.CatalogInstruments+DeactivationMetricTracker.Record(string)"), Managed("Orleans.Runtime.ActivationData.FinishDeactivating()")]);

        Assert.Equal(CpuCategory.Telemetry, sample.Category);
    }

    [Fact]
    public void Read_ScriptOfTwoSamples_ClassifiesEachWithItsLeaf()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(path,
            [
                ".NET Server GC 22690 62746.131211:    2004008 cpu-clock:pppH: ",
                "\t          5fa3cc [unknown] (/usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.12/libcoreclr.so)",
                string.Empty,
                ".NET TP Worker 22654 62746.130069:    2004008 cpu-clock:pppH: ",
                "\t    7f10c04ef4a5 instance void [Orleans.Fin.Grains] Orleans.Fin.Risk.Domain.ProfileQueries::FindPayee(class Orleans.Fin.Risk.Domain.BehaviourProfile,string)[OptimizedTier1]+0x5 " + Map,
                "\t    7f10c03db2f0 bool [System.Private.CoreLib] System.Threading.ThreadPoolWorkQueue::Dispatch()[OptimizedTier1]+0x6d0 " + Map,
            ]);

            var samples = PerfScriptSamples.Read(path);

            Assert.Equal(
                [(CpuCategory.Gc, null, "libcoreclr.so"), (CpuCategory.Risk, "Risk.Domain.ProfileQueries", "Orleans.Fin.Risk.Domain.ProfileQueries.FindPayee(class Orleans.Fin.Risk.Domain.BehaviourProfile,string)")],
                samples.Samples);
            Assert.Equal(2, samples.Stacks[1].Length);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static PerfFrame Managed(string method) => new(method, string.Empty);

    private static PerfFrame Native(string library) => new(string.Empty, library);
}
