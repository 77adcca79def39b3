using System.Collections.Immutable;
using CSharpFrontend.Converter.Image;

namespace CSharpFrontend.Converter.Tests.Image;

public sealed class ImageConfigWriterTests
{
    [Fact]
    public void EmptyImageWritesTheAlwaysPresentFields() =>
        Assert.Equal(
            """{"architecture":"","os":"","rootfs":{"type":"","diff_ids":null},"config":{"OnBuild":null}}""",
            ImageConfigWriter.ToJson(ImageConfig.Empty, ImageConfigLayout.BuildKitV011));

    [Fact]
    public void EveryFieldInGoStructOrder()
    {
        var image = new ImageConfig
        {
            Created = ImageTime.TryParse("2024-01-02T03:04:05.5Z"),
            Author = "me",
            Architecture = "arm",
            Variant = "v7",
            OS = "linux",
            OSVersion = "1.0",
            OSFeatures = ["f"],
            RootFs = new RootFs { Type = "layers", DiffIds = [] },
            History = [new HistoryEntry { Created = ImageTime.FromUnixSeconds(0), CreatedBy = "x", Author = "a", Comment = "c", EmptyLayer = true }],
            Config = new ContainerConfig
            {
                User = "u",
                ExposedPorts = ImmutableSortedSet.Create(Utf8Ordinal.Instance, "80/tcp", "443/tcp"),
                Env = ["A=1"],
                Entrypoint = ["e"],
                Cmd = ["c"],
                Volumes = ImmutableSortedSet.Create(Utf8Ordinal.Instance, "/v"),
                WorkingDir = "/w",
                Labels = ImmutableSortedDictionary.CreateRange(Utf8Ordinal.Instance, [KeyValuePair.Create("b", "2"), KeyValuePair.Create("a", "1")]),
                StopSignal = "SIGTERM",
                Healthcheck = new HealthConfig { Test = ["CMD", "true"], Interval = 30_000_000_000, Timeout = 1, StartPeriod = 2, Retries = 3 },
                ArgsEscaped = true,
                OnBuild = [],
                StopTimeout = 10,
                Shell = ["/bin/sh", "-c"],
            },
        };

        Assert.Equal(
            """{"created":"2024-01-02T03:04:05.5Z","author":"me","architecture":"arm","variant":"v7","os":"linux","os.version":"1.0","os.features":["f"]"""
            + ""","rootfs":{"type":"layers","diff_ids":[]},"history":[{"created":"1970-01-01T00:00:00Z","created_by":"x","author":"a","comment":"c","empty_layer":true}]"""
            + ""","config":{"User":"u","ExposedPorts":{"443/tcp":{},"80/tcp":{}},"Env":["A=1"],"Entrypoint":["e"],"Cmd":["c"],"Volumes":{"/v":{}}"""
            + ""","WorkingDir":"/w","Labels":{"a":"1","b":"2"},"StopSignal":"SIGTERM","Healthcheck":{"Test":["CMD","true"],"Interval":30000000000,"Timeout":1,"StartPeriod":2,"Retries":3}"""
            + ""","ArgsEscaped":true,"OnBuild":[],"StopTimeout":10,"Shell":["/bin/sh","-c"]}}""",
            ImageConfigWriter.ToJson(image, ImageConfigLayout.BuildKitV011));
    }

    [Fact]
    public void EscapesStringsAsGo()
    {
        var image = ImageConfig.Empty with
        {
            Config = new ContainerConfig { Env = ["a<b>&c", "q\"\\", "\n\r\t\b\f\u0001\u001f", "\u2028\u2029", "é😀", "bad\ud800x", "\udc00", "\ufffd"] },
        };

        Assert.Equal(
            """{"architecture":"","os":"","rootfs":{"type":"","diff_ids":null},"config":{"Env":["a\u003cb\u003e\u0026c","q\"\\","\n\r\t\u0008\u000c\u0001\u001f","\u2028\u2029","é😀","bad\ufffdx","\ufffd","�"],"OnBuild":null}}""",
            ImageConfigWriter.ToJson(image, ImageConfigLayout.BuildKitV011));
    }

    [Fact]
    public void SortsMapKeysByUtf8Bytes()
    {
        var labels = ImmutableSortedDictionary.CreateRange(
            StringComparer.Ordinal,
            [KeyValuePair.Create("\uFF21", "fullwidth"), KeyValuePair.Create("😀", "emoji"), KeyValuePair.Create("B", "b"), KeyValuePair.Create("a", "a")]);
        var image = ImageConfig.Empty with { Config = new ContainerConfig { Labels = labels } };

        Assert.Contains("""{"Labels":{"B":"b","a":"a","Ａ":"fullwidth","😀":"emoji"},""", ImageConfigWriter.ToJson(image, ImageConfigLayout.BuildKitV011));
    }

    [Fact]
    public void IndentsAsMarshalIndentKeepingEmptyContainersCompact()
    {
        var image = ImageConfig.Empty with
        {
            RootFs = new RootFs { Type = "layers", DiffIds = [] },
            Config = new ContainerConfig { Volumes = ImmutableSortedSet.Create(Utf8Ordinal.Instance, "/d"), OnBuild = [] },
        };

        Assert.Equal(
            "{\n  \"architecture\": \"\",\n  \"os\": \"\",\n  \"rootfs\": {\n    \"type\": \"layers\",\n    \"diff_ids\": []\n  },\n"
            + "  \"config\": {\n    \"Volumes\": {\n      \"/d\": {}\n    },\n    \"OnBuild\": []\n  }\n}",
            ImageConfigWriter.ToIndentedJson(image, ImageConfigLayout.BuildKitV011));
    }

    [Fact]
    public void OmitsZeroHealthcheckFieldsButKeepsTheObject() =>
        Assert.Contains(
            "\"Healthcheck\":{},",
            ImageConfigWriter.ToJson(ImageConfig.Empty with { Config = new ContainerConfig { Healthcheck = new HealthConfig() } }, ImageConfigLayout.BuildKitV011));

    [Fact]
    public void Utf8BytesMatchTheText()
    {
        var image = ImageConfig.Empty with { Author = "é" };
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(ImageConfigWriter.ToJson(image, ImageConfigLayout.BuildKitV011)), ImageConfigWriter.ToUtf8Json(image, ImageConfigLayout.BuildKitV011));
    }
}
