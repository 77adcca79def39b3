using CSharpFrontend.Converter.Image;

namespace CSharpFrontend.Converter.Tests.Image;

public sealed class ImageConfigReaderTests
{
    [Fact]
    public void MatchesFieldNamesCaseInsensitivelyAndIgnoresUnknownOnes()
    {
        var image = ImageConfigReader.Parse(
            """
            {"ARCHITECTURE":"arm64","Os":"linux","docker_version":"20.10","container_config":{"Hostname":"x"},
             "config":{"env":["A=1"],"workingdir":"/w","Hostname":"h","AttachStdin":false,"healthcheck":{"test":["NONE"],"start_interval":5}},
             "RootFS":{"Type":"layers","DIFF_IDS":["sha256:1"]}}
            """);

        Assert.Equal("arm64", image.Architecture);
        Assert.Equal("linux", image.OS);
        Assert.Equal(["A=1"], image.Config.Env.ToArray());
        Assert.Equal("/w", image.Config.WorkingDir);
        Assert.Equal(["NONE"], image.Config.Healthcheck!.Test.ToArray());
        Assert.Equal("layers", image.RootFs.Type);
        Assert.Equal(["sha256:1"], image.RootFs.DiffIds!.Value.ToArray());
    }

    [Fact]
    public void ExactNameWinsOverCaseFoldedOne()
    {
        var image = ImageConfigReader.Parse("""{"config":{"User":"exact","user":"folded"}}""");
        Assert.Equal("folded", image.Config.User);

        image = ImageConfigReader.Parse("""{"config":{"user":"folded","User":"exact"}}""");
        Assert.Equal("exact", image.Config.User);
    }

    [Fact]
    public void NullClearsListsMapsAndPointersButNotScalars()
    {
        var image = ImageConfigReader.Parse(
            """
            {"os":"linux","os":null,
             "config":{"User":"u","User":null,"Env":["A=1"],"Env":null,"Labels":{"a":"1"},"Labels":null,
                       "Healthcheck":{"Retries":1},"Healthcheck":null,"ArgsEscaped":true,"ArgsEscaped":null,
                       "OnBuild":null,"StopTimeout":null,"Shell":null},
             "rootfs":{"type":"layers","diff_ids":null},"history":null}
            """);

        Assert.Equal("linux", image.OS);
        Assert.Equal("u", image.Config.User);
        Assert.Empty(image.Config.Env);
        Assert.Empty(image.Config.Labels);
        Assert.Null(image.Config.Healthcheck);
        Assert.True(image.Config.ArgsEscaped);
        Assert.Null(image.Config.OnBuild);
        Assert.Null(image.Config.StopTimeout);
        Assert.Null(image.RootFs.DiffIds);
        Assert.Empty(image.History);
    }

    [Fact]
    public void KeepsNullAndEmptyOnBuildAndDiffIdsApart()
    {
        var image = ImageConfigReader.Parse("""{"config":{"OnBuild":[]},"rootfs":{"diff_ids":[]}}""");

        Assert.Empty(image.Config.OnBuild!.Value);
        Assert.Empty(image.RootFs.DiffIds!.Value);
        Assert.Contains("\"OnBuild\":[]", ImageConfigWriter.ToJson(image, ImageConfigLayout.BuildKitV011));
        Assert.Contains("\"diff_ids\":[]", ImageConfigWriter.ToJson(image, ImageConfigLayout.BuildKitV011));
    }

    [Fact]
    public void RepeatedObjectsMergeAndMapsAccumulate()
    {
        var image = ImageConfigReader.Parse(
            """
            {"config":{"User":"u","Labels":{"a":"1"},"Healthcheck":{"Retries":2}},
             "config":{"WorkingDir":"/w","Labels":{"b":"2","a":"3"},"Healthcheck":{"Interval":5}}}
            """);

        Assert.Equal("u", image.Config.User);
        Assert.Equal("/w", image.Config.WorkingDir);
        Assert.Equal(["a", "b"], image.Config.Labels.Keys);
        Assert.Equal("3", image.Config.Labels["a"]);
        Assert.Equal(2, image.Config.Healthcheck!.Retries);
        Assert.Equal(5, image.Config.Healthcheck.Interval);
    }

    [Fact]
    public void ShellMayBeOneString() =>
        Assert.Equal(["/bin/bash"], ImageConfigReader.Parse("""{"config":{"Shell":"/bin/bash"}}""").Config.Shell.ToArray());

    [Fact]
    public void NullArrayElementsAndLabelValuesAreEmptyStrings()
    {
        var image = ImageConfigReader.Parse("""{"config":{"Cmd":["a",null],"Labels":{"k":null},"ExposedPorts":{"80/tcp":null,"53/udp":{"x":1}}}}""");

        Assert.Equal(["a", ""], image.Config.Cmd.ToArray());
        Assert.Equal("", image.Config.Labels["k"]);
        Assert.Equal(["53/udp", "80/tcp"], image.Config.ExposedPorts);
    }

    [Fact]
    public void ReadsTimesDurationsAndTimeouts()
    {
        var image = ImageConfigReader.Parse(
            """
            {"created":"2023-06-14T20:41:58.950178204Z",
             "history":[{"created":"2023-06-14T20:41:58.1+02:00","created_by":"x","empty_layer":true},null],
             "config":{"Healthcheck":{"Interval":1000001,"Timeout":-1},"StopTimeout":30}}
            """);

        Assert.Equal("2023-06-14T20:41:58.950178204Z", image.Created!.Value.ToString());
        Assert.Equal(2, image.History.Count);
        Assert.Equal("2023-06-14T20:41:58.1+02:00", image.History[0].Created!.Value.ToString());
        Assert.True(image.History[0].EmptyLayer);
        Assert.Equal(new HistoryEntry(), image.History[1]);
        Assert.Equal(1000001, image.Config.Healthcheck!.Interval);
        Assert.Equal(-1, image.Config.Healthcheck.Timeout);
        Assert.Equal(30, image.Config.StopTimeout);
    }

    [Fact]
    public void NullTopLevelIsAnEmptyImage() => Assert.Equal(ImageConfig.Empty, ImageConfigReader.Parse("null"));

    [Theory]
    [InlineData("""{"os":1}""", 1, 7, "os: expected a string, got a number")]
    [InlineData("{\n  \"config\": {\n    \"Env\": \"A=1\"\n  }\n}", 3, 12, "config.Env: expected an array, got a string")]
    [InlineData("""{"config":{"Env":["A",2]}}""", 1, 23, "config.Env[1]: expected a string, got a number")]
    [InlineData("""{"config":{"Healthcheck":{"Retries":1.5}}}""", 1, 37, "config.Healthcheck.Retries: number 1.5 is not an integer in range")]
    [InlineData("""{"config":{"ArgsEscaped":"yes"}}""", 1, 26, "config.ArgsEscaped: expected a boolean, got a string")]
    [InlineData("""{"config":{"ExposedPorts":{"80":1}}}""", 1, 33, "config.ExposedPorts.80: expected an object, got a number")]
    [InlineData("""{"history":[{"created":"yesterday"}]}""", 1, 24, "history[0].created: \"yesterday\" is not an RFC 3339 time")]
    [InlineData("""{"config":{"Shell":{}}}""", 1, 20, "config.Shell: expected an array, got an object")]
    [InlineData("[]", 1, 1, "image config: expected an object, got an array")]
    public void ReportsWrongTypesWithPosition(string json, int line, int column, string reason)
    {
        var error = Assert.Throws<ImageConfigFormatException>(() => ImageConfigReader.Parse(json, "cfg.json"));

        Assert.Equal(reason, error.Reason);
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Equal($"cfg.json:{line}:{column}: {reason}", error.Message);
    }

    [Theory]
    [InlineData("{\n  \"os\": \"linux\",\n}", 3)]
    [InlineData("{\"os\": \"linux\"", 1)]
    [InlineData("{\"os\": \"linux\"} x", 1)]
    [InlineData("", 1)]
    public void ReportsInvalidJsonWithLine(string json, int line)
    {
        var error = Assert.Throws<ImageConfigFormatException>(() => ImageConfigReader.Parse(json, "cfg.json"));

        Assert.StartsWith("invalid JSON: ", error.Reason);
        Assert.Equal(line, error.Line);
        Assert.StartsWith($"cfg.json:{line}:", error.Message);
    }
}
