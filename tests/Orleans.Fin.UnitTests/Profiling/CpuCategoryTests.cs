using Orleans.Fin.ProfileReport;

namespace Orleans.Fin.UnitTests.Profiling;

public sealed class CpuCategoryTests
{
    [Fact]
    public void Classify_JsonUnderTheStorageProvider_IsStorage()
    {
        var sample = Classify(
            "System.Text.Json.Serialization.Converters.ObjectDefaultConverter`1[System.__Canon].OnTryWrite(class System.Text.Json.Utf8JsonWriter)",
            "System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(!!0,class System.Text.Json.JsonSerializerOptions)",
            "Orleans.Storage.MemoryGrainStorage.ConvertToStorageFormat(!!0)",
            "Orleans.Runtime.Scheduler.WorkItemGroup.Execute()");

        Assert.Equal(("grain storage (memory provider / group commit, state JSON)", null), sample);
    }

    [Fact]
    public void Classify_JsonUnderKestrel_IsHttp()
    {
        var sample = Classify(
            "System.Text.Json.JsonSerializer.Deserialize(class System.IO.Stream)",
            "Microsoft.AspNetCore.Http.HttpRequestJsonExtensions.ReadFromJsonAsync(class Microsoft.AspNetCore.Http.HttpRequest)",
            "System.Threading.ThreadPoolWorkQueue.Dispatch()");

        Assert.Equal("HTTP server: Kestrel, routing, middleware, request/response JSON", sample.Category);
    }

    [Fact]
    public void Classify_TokenValidationInsideTheAuthenticationMiddleware_IsAuth()
    {
        var sample = Classify(
            "System.Collections.Generic.Dictionary`2[System.__Canon,System.__Canon].set_Item(!0,!1)",
            "Microsoft.IdentityModel.JsonWebTokens.JsonWebToken.ReadPayloadValue(value class System.Text.Json.Utf8JsonReader&)",
            "Microsoft.AspNetCore.Authentication.AuthenticationMiddleware.Invoke(class Microsoft.AspNetCore.Http.HttpContext)");

        Assert.Equal("auth: JWT validation", sample.Category);
    }

    [Fact]
    public void Classify_OurGrainMethod_NamesItsType()
    {
        var sample = Classify(
            "System.String.Equals(class System.String,class System.String,value class System.StringComparison)",
            "Orleans.Fin.Accounts.Domain.LegRetention.Knows(class Orleans.Fin.Accounts.AccountState,class System.String)",
            "Orleans.Fin.Accounts.AccountGrain+<Post>d__14.MoveNext()",
            "Orleans.Runtime.GrainMethodInvoker.Invoke()");

        Assert.Equal(("our grain code", "Accounts.Domain.LegRetention"), sample);
    }

    [Fact]
    public void Classify_StateMachineOfAGrain_NamesTheGrain()
    {
        var sample = Classify("Orleans.Fin.Payments.MoneyMovementGrain+<PostLegs>d__17.MoveNext()", "Orleans.Runtime.ActivationData.InvokeIncomingRequest(class Orleans.Runtime.Message)");

        Assert.Equal(("our grain code", "Payments.MoneyMovementGrain"), sample);
    }

    [Fact]
    public void Classify_FraudPolicyUnderTheRiskGrain_IsTheRiskEngineAndNamesThePolicy()
    {
        var sample = Classify(
            "System.Linq.Enumerable.Count(class System.Collections.Generic.IEnumerable`1<!!0>,class System.Func`2<!!0,bool>)",
            "Orleans.Fin.Risk.Domain.FlaggedSenderPolicy.Assess(class Orleans.Fin.Risk.Domain.BehaviourProfile)",
            "Orleans.Fin.Risk.RiskGrain+<AuthorizePayment>d__40.MoveNext()",
            "Orleans.Runtime.GrainMethodInvoker.Invoke()");

        Assert.Equal(("risk engine: fraud rules, features, scoring (Orleans.Fin.Risk)", "Risk.Domain.FlaggedSenderPolicy"), sample);
    }

    [Fact]
    public void Classify_ModelPredictionCalledByTheRiskEngine_IsMachineLearning()
    {
        var sample = Classify(
            "Microsoft.ML.Trainers.FastTree.InternalRegressionTree.GetLeaf(value class Microsoft.ML.Data.VBuffer`1<float32>&)",
            "Microsoft.ML.PredictionEngine`2[System.__Canon,System.__Canon].Predict(!0)",
            "Orleans.Fin.Risk.Model.FraudModel.Score(class Orleans.Fin.Risk.Model.FraudFeatures)",
            "Orleans.Fin.Risk.RiskGrain+<AuthorizePayment>d__40.MoveNext()");

        Assert.Equal(("ML.NET model scoring (Microsoft.ML)", null), sample);
    }

    [Theory]
    [InlineData("System.Threading.LowLevelLifoSemaphore.WaitNative(class Microsoft.Win32.SafeHandles.SafeWaitHandle,int32)", "System.Threading.PortableThreadPool+WorkerThread.WorkerThreadStart()")]
    [InlineData("System.Net.Sockets.SocketAsyncEngine.EventLoop()", "System.Threading.Thread.StartCallback()")]
    [InlineData("Interop+Sys.Read(class System.Runtime.InteropServices.SafeHandle,unsigned int8*,int32)", "System.IO.FileSystemWatcher+RunningInstance.TryReadEvent(value class NotifyEvent&)")]
    public void Classify_ThreadWaitingForWork_IsIdle(string leaf, string caller) =>
        Assert.Equal("idle (threads waiting: pool, socket poll, timers)", Classify(leaf, caller).Category);

    [Fact]
    public void Classify_ReadBelowKestrel_IsNotIdle()
    {
        var sample = Classify(
            "Interop+Sys.Read(class System.Runtime.InteropServices.SafeHandle,unsigned int8*,int32)",
            "Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets.Internal.SocketConnection.DoReceive()");

        Assert.Equal("HTTP server: Kestrel, routing, middleware, request/response JSON", sample.Category);
    }

    [Fact]
    public void Classify_PoolThreadSpinning_IsSpinNotIdle()
    {
        var sample = Classify("System.Threading.LowLevelSpinWaiter.Wait(int32,int32,bool)", "System.Threading.PortableThreadPool+WorkerThread.WorkerThreadStart()");

        Assert.Equal("thread pool spinning for work before it sleeps", sample.Category);
    }

    [Fact]
    public void Classify_NothingNamed_IsRuntimeAndNativeOnlyIsIdle()
    {
        Assert.Equal("runtime: thread pool, tasks, timers, unattributed", Classify("System.Threading.Tasks.Task.RunContinuations(class System.Object)").Category);
        Assert.Equal("idle (threads waiting: pool, socket poll, timers)", Classify(string.Empty, string.Empty).Category);
    }

    private static (string Category, string? Type) Classify(params string[] leafFirst) => CpuCategory.Classify(leafFirst);
}
