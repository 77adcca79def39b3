using CSharpFrontend.Converter.Image;
using CSharpFrontend.Converter.Llb;

namespace CSharpFrontend.Converter.Tests.Image;

/// <summary>
/// <c>FROM x</c> on odd base-image configs: config in, image config out. The outputs were produced by BuildKit
/// v0.11.6's <c>dockerfile2llb</c> (built with Go 1.19, target linux/amd64) from the same inputs.
/// </summary>
public sealed class BaseConfigDifferentialTests
{
    [Theory]
    [InlineData(
        "{\"ARCHITECTURE\":\"arm64\",\"Os\":\"linux\",\"config\":{\"env\":[\"A=1\"],\"workingdir\":\"app\",\"User\":\"x\",\"user\":\"y\"}}",
        "{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"\",\"diff_ids\":null},\"config\":{\"User\":\"y\",\"Env\":[\"A=1\",\"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\"],\"WorkingDir\":\"/app/app\",\"OnBuild\":null}}")]
    [InlineData(
        "{\"config\":{\"Shell\":\"/bin/bash\",\"OnBuild\":[],\"Healthcheck\":{\"Test\":[\"NONE\"],\"Interval\":5},\"Healthcheck\":{\"Retries\":2},\"StopTimeout\":3,\"ArgsEscaped\":true}}",
        "{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"\",\"diff_ids\":null},\"config\":{\"Env\":[\"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\"],\"Healthcheck\":{\"Test\":[\"NONE\"],\"Interval\":5,\"Retries\":2},\"ArgsEscaped\":true,\"OnBuild\":null,\"StopTimeout\":3,\"Shell\":[\"/bin/bash\"]}}")]
    [InlineData(
        "{\"config\":{\"Labels\":{\"a\":\"1\"},\"Labels\":{\"b\":null},\"ExposedPorts\":{\"80/tcp\":null},\"Volumes\":{}},\"history\":[null,{\"created\":\"2020-01-01T00:00:00.123+01:00\",\"created_by\":\"x\",\"author\":\"me\",\"empty_layer\":true}],\"created\":\"2020-01-01T00:00:00Z\",\"author\":\"A\",\"variant\":\"v8\",\"os.version\":\"10\",\"os.features\":[\"f\"]}",
        "{\"author\":\"A\",\"architecture\":\"amd64\",\"os\":\"linux\",\"os.version\":\"10\",\"os.features\":[\"f\"],\"rootfs\":{\"type\":\"\",\"diff_ids\":null},\"history\":[{},{\"created\":\"2020-01-01T00:00:00.123+01:00\",\"created_by\":\"x\",\"author\":\"me\",\"empty_layer\":true}],\"config\":{\"ExposedPorts\":{\"80/tcp\":{}},\"Env\":[\"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\"],\"Labels\":{\"a\":\"1\",\"b\":\"\"},\"OnBuild\":null}}")]
    [InlineData(
        "{\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]},\"history\":[{\"empty_layer\":true}]}",
        "{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]},\"history\":[{\"empty_layer\":true}],\"config\":{\"Env\":[\"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\"],\"OnBuild\":null}}")]
    [InlineData(
        "{\"config\":{\"Env\":[\"PATH=/x\",\"B\"],\"Cmd\":[\"a\\u0008\\f<>&\\u2028\\u007f\"]}}",
        "{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"\",\"diff_ids\":null},\"config\":{\"Env\":[\"PATH=/x\",\"B\"],\"Cmd\":[\"a\\u0008\\u000c\\u003c\\u003e\\u0026\\u2028\"],\"OnBuild\":null}}")]
    [InlineData(
        "{\"config\":null,\"rootfs\":null,\"os\":null,\"history\":null}",
        "{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"\",\"diff_ids\":null},\"config\":{\"Env\":[\"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\"],\"OnBuild\":null}}")]
    [InlineData(
        "{\"config\":{\"Env\":null,\"WorkingDir\":\"/a/../b/\"}}",
        "{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"\",\"diff_ids\":null},\"config\":{\"Env\":[\"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\"],\"WorkingDir\":\"/a/../b/\",\"OnBuild\":null}}")]
    [InlineData(
        "{\"config\":{\"OnBuild\":null,\"Shell\":null,\"Entrypoint\":[\"e\"],\"Healthcheck\":null}}",
        "{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"\",\"diff_ids\":null},\"config\":{\"Env\":[\"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\"],\"Entrypoint\":[\"e\"],\"OnBuild\":null}}")]
    [InlineData(
        "{\"config\":{\"Healthcheck\":{\"Test\":[]}}}",
        "{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"\",\"diff_ids\":null},\"config\":{\"Env\":[\"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\"],\"Healthcheck\":{},\"OnBuild\":null}}")]
    [InlineData(
        "{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"ExposedPorts\":{\"443/tcp\":{},\"80/tcp\":{}},\"Labels\":{\"\\uff21\":\"1\",\"\\ud83d\\ude00\":\"2\",\"B\":\"3\"}}}",
        "{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"\",\"diff_ids\":null},\"config\":{\"ExposedPorts\":{\"443/tcp\":{},\"80/tcp\":{}},\"Env\":[\"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\"],\"Labels\":{\"B\":\"3\",\"Ａ\":\"1\",\"😀\":\"2\"},\"OnBuild\":null}}")]
    public void FromBaseGivesWhatUpstreamGives(string baseConfig, string expected)
    {
        var start = StageImage.Start(StageImage.FromBase(ImageConfigReader.Parse(baseConfig)), "linux");

        Assert.Equal(expected, ImageConfigWriter.ToJson(StageImage.Finish(start.Image, LlbPlatform.LinuxAmd64, merge: false), ImageConfigLayout.BuildKitV011));
    }
}
