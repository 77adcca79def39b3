using Google.Protobuf.Reflection;
using Moby.Buildkit.V1.Frontend;

namespace CSharpFrontend.Frontend.Tests;

/// <summary>Our gateway schema uses BuildKit's field numbers (frontend/gateway/pb/gateway.proto) for what we send and read.</summary>
public sealed class GatewaySchemaTests
{
    [Theory]
    [InlineData("moby.buildkit.v1.frontend.SolveRequest", "Definition", 1)]
    [InlineData("moby.buildkit.v1.frontend.SolveRequest", "FrontendOpt", 3)]
    [InlineData("moby.buildkit.v1.frontend.SolveRequest", "allowResultReturn", 5)]
    [InlineData("moby.buildkit.v1.frontend.SolveRequest", "Final", 10)]
    [InlineData("moby.buildkit.v1.frontend.SolveRequest", "CacheImports", 12)]
    [InlineData("moby.buildkit.v1.frontend.SolveRequest", "FrontendInputs", 13)]
    [InlineData("moby.buildkit.v1.frontend.ReturnRequest", "error", 2)]
    [InlineData("moby.buildkit.v1.frontend.Result", "ref", 3)]
    [InlineData("moby.buildkit.v1.frontend.Result", "refs", 4)]
    [InlineData("moby.buildkit.v1.frontend.Result", "metadata", 10)]
    [InlineData("moby.buildkit.v1.frontend.PongResponse", "LLBCaps", 2)]
    [InlineData("moby.buildkit.v1.frontend.PongResponse", "Workers", 3)]
    [InlineData("moby.buildkit.v1.frontend.ResolveImageConfigRequest", "ResolverType", 5)]
    [InlineData("moby.buildkit.v1.frontend.ReadFileRequest", "FilePath", 2)]
    [InlineData("moby.buildkit.v1.frontend.WarnRequest", "ranges", 7)]
    [InlineData("moby.buildkit.v1.apicaps.APICap", "DisabledAlternative", 6)]
    [InlineData("moby.buildkit.v1.types.WorkerRecord", "platforms", 3)]
    [InlineData("fsutil.types.Stat", "xattrs", 10)]
    [InlineData("google.rpc.Status", "details", 3)]
    public void FieldNumbersAreBuildKits(string message, string field, int number)
    {
        var descriptor = Registry.Find(message);
        Assert.NotNull(descriptor);
        Assert.Equal(number, descriptor.FindFieldByName(field)?.FieldNumber);
    }

    [Fact]
    public void ServiceHasTheBridgeMethods()
    {
        var service = GatewayReflection.Descriptor.FindTypeByName<ServiceDescriptor>("LLBBridge");
        Assert.Equal("moby.buildkit.v1.frontend.LLBBridge", service.FullName);
        foreach (var method in new[] { "Ping", "ResolveImageConfig", "Solve", "ReadFile", "Return", "Inputs", "Warn" })
        {
            Assert.NotNull(service.FindMethodByName(method));
        }
    }

    [Fact]
    public void PongRoundTripsThroughTheWire()
    {
        var pong = new PongResponse();
        pong.LLBCaps.Add(new Moby.Buildkit.V1.Apicaps.APICap { ID = "exec.meta.setsdefaultpath", Enabled = true });
        var back = PongResponse.Parser.ParseFrom(Google.Protobuf.MessageExtensions.ToByteArray(pong));
        Assert.Equal("exec.meta.setsdefaultpath", Assert.Single(back.LLBCaps).ID);
    }

    private static class Registry
    {
        private static readonly FileDescriptor[] Files =
        [
            GatewayReflection.Descriptor,
            Moby.Buildkit.V1.Apicaps.CapsReflection.Descriptor,
            Moby.Buildkit.V1.Types.WorkerReflection.Descriptor,
            Fsutil.Types.StatReflection.Descriptor,
            Google.Rpc.StatusReflection.Descriptor,
        ];

        public static MessageDescriptor? Find(string fullName) =>
            Files.Where(f => fullName.StartsWith(f.Package + ".", StringComparison.Ordinal))
                .Select(f => f.FindTypeByName<MessageDescriptor>(fullName[(f.Package.Length + 1)..]))
                .FirstOrDefault(d => d is not null);
    }
}
