using CSharpFrontend.Converter.Dockerfile;

namespace CSharpFrontend.Converter.Tests.Dockerfile;

/// <summary>
/// The outline's SSH sockets, as v0.24.0's <c>dispatchSSH</c> records them (convert_ssh.go): an ssh mount without an
/// id is the socket <c>default</c>; an id already recorded keeps its first location and required flag.
/// </summary>
public sealed class OutlineSshIdTests
{
    [Fact]
    public async Task AnSshMountWithoutAnIdIsTheDefaultSocket()
    {
        const string dockerfile = "FROM alpine\nRUN --mount=type=ssh true\nRUN --mount=type=ssh,id=gitkey,required true\nRUN --mount=type=ssh,required true\n";
        var result = await DockerfileConverter.ConvertAsync(dockerfile, new ConvertOptions { MarshalDefinition = false });
        Assert.Equal(
            [("default", false, 2), ("gitkey", true, 3)],
            result.Outline.Ssh.Select(s => (s.Name, s.Required, s.Line)));
    }
}
