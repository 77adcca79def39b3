using System.Collections.Immutable;
using CSharpFrontend.Shared;

namespace CSharpFrontend.Converter.Lint;

/// <summary>Every rule of BuildKit v0.24.0's Dockerfile linter (<c>frontend/dockerfile/linter/ruleset.go</c>).</summary>
public static class LintRules
{
    private const string Docs = "https://docs.docker.com/go/dockerfile/rule/";

    public static readonly LintRule StageNameCasing = new(
        "StageNameCasing", "Stage names should be lowercase", Docs + "stage-name-casing/", false,
        "Stage name '{0}' should be lowercase");

    public static readonly LintRule FromAsCasing = new(
        "FromAsCasing", "The 'as' keyword should match the case of the 'from' keyword", Docs + "from-as-casing/", false,
        "'{1}' and '{0}' keywords' casing do not match");

    public static readonly LintRule NoEmptyContinuation = new(
        "NoEmptyContinuation", "Empty continuation lines will become errors in a future release", Docs + "no-empty-continuation/", false,
        "Empty continuation line");

    public static readonly LintRule ConsistentInstructionCasing = new(
        "ConsistentInstructionCasing", "All commands within the Dockerfile should use the same casing (either upper or lower)",
        Docs + "consistent-instruction-casing/", false,
        "Command '{0}' should match the case of the command majority ({1})");

    public static readonly LintRule DuplicateStageName = new(
        "DuplicateStageName", "Stage names should be unique", Docs + "duplicate-stage-name/", false,
        "Duplicate stage name {0}, stage names should be unique");

    public static readonly LintRule ReservedStageName = new(
        "ReservedStageName", "Reserved words should not be used as stage names", Docs + "reserved-stage-name/", false,
        "Stage name should not use the same name as reserved stage {0}");

    public static readonly LintRule JsonArgsRecommended = new(
        "JSONArgsRecommended", "JSON arguments recommended for ENTRYPOINT/CMD to prevent unintended behavior related to OS signals",
        Docs + "json-args-recommended/", false,
        "JSON arguments recommended for {0} to prevent unintended behavior related to OS signals");

    public static readonly LintRule MaintainerDeprecated = new(
        "MaintainerDeprecated", "The MAINTAINER instruction is deprecated, use a label instead to define an image author",
        Docs + "maintainer-deprecated/", false,
        "Maintainer instruction is deprecated in favor of using label");

    public static readonly LintRule UndefinedArgInFrom = new(
        "UndefinedArgInFrom", "FROM command must use declared ARGs", Docs + "undefined-arg-in-from/", false,
        "FROM argument '{0}' is not declared");

    public static readonly LintRule WorkdirRelativePath = new(
        "WorkdirRelativePath", "Relative workdir without an absolute workdir declared within the build can have unexpected results if the base image changes",
        Docs + "workdir-relative-path/", false,
        "Relative workdir {0} can have unexpected results if the base image changes");

    public static readonly LintRule UndefinedVar = new(
        "UndefinedVar", "Variables should be defined before their use", Docs + "undefined-var/", false,
        "Usage of undefined variable '${0}'");

    public static readonly LintRule MultipleInstructionsDisallowed = new(
        "MultipleInstructionsDisallowed", "Multiple instructions of the same type should not be used in the same stage",
        Docs + "multiple-instructions-disallowed/", false,
        "Multiple {0} instructions should not be used in the same stage because only the last one will be used");

    public static readonly LintRule LegacyKeyValueFormat = new(
        "LegacyKeyValueFormat", "Legacy key/value format with whitespace separator should not be used", Docs + "legacy-key-value-format/", false,
        "\"{0} key=value\" should be used instead of legacy \"{0} key value\" format");

    public static readonly LintRule InvalidBaseImagePlatform = new(
        "InvalidBaseImagePlatform", "Base image platform does not match expected target platform", "", false,
        "Base image {0} was pulled with platform {2}, expected {1} for current build");

    public static readonly LintRule RedundantTargetPlatform = new(
        "RedundantTargetPlatform", "Setting platform to predefined $TARGETPLATFORM in FROM is redundant as this is the default behavior",
        Docs + "redundant-target-platform/", false,
        "Setting platform to predefined {0} in FROM is redundant as this is the default behavior");

    public static readonly LintRule SecretsUsedInArgOrEnv = new(
        "SecretsUsedInArgOrEnv", "Sensitive data should not be used in the ARG or ENV commands", Docs + "secrets-used-in-arg-or-env/", false,
        "Do not use ARG or ENV instructions for sensitive data ({0} {1})");

    public static readonly LintRule InvalidDefaultArgInFrom = new(
        "InvalidDefaultArgInFrom", "Default value for global ARG results in an empty or invalid base image name",
        Docs + "invalid-default-arg-in-from/", false,
        "Default value for ARG {0} results in empty or invalid base image name");

    public static readonly LintRule FromPlatformFlagConstDisallowed = new(
        "FromPlatformFlagConstDisallowed", "FROM --platform flag should not use a constant value", Docs + "from-platform-flag-const-disallowed/", false,
        "FROM --platform flag should not use constant value {0}");

    public static readonly LintRule CopyIgnoredFile = new(
        "CopyIgnoredFile", "Attempting to Copy file that is excluded by .dockerignore", Docs + "copy-ignored-file/", true,
        "Attempting to {0} file {1} that is excluded by .dockerignore");

    public static readonly LintRule InvalidDefinitionDescription = new(
        "InvalidDefinitionDescription",
        "Comment for build stage or argument should follow the format: `# <arg/stage name> <description>`. If this is not intended to be a description comment, add an empty line or comment between the instruction and the comment.",
        Docs + "invalid-definition-description/", true,
        "Comment for {0} should follow the format: `# {1} <description>`");

    public static readonly LintRule ExposeProtoCasing = new(
        "ExposeProtoCasing", "Protocol in EXPOSE instruction should be lowercase", Docs + "expose-proto-casing/", false,
        "Defined protocol '{0}' in EXPOSE instruction should be lowercase");

    public static readonly LintRule ExposeInvalidFormat = new(
        "ExposeInvalidFormat", "IP address and host-port mapping should not be used in EXPOSE instruction. This will become an error in a future release",
        Docs + "expose-invalid-format/", false,
        "EXPOSE instruction should not define an IP address or host-port mapping, found '{0}'");

    /// <summary>All rules, in the order of upstream's rule set.</summary>
    public static ImmutableArray<LintRule> All { get; } =
    [
        StageNameCasing, FromAsCasing, NoEmptyContinuation, ConsistentInstructionCasing, DuplicateStageName, ReservedStageName,
        JsonArgsRecommended, MaintainerDeprecated, UndefinedArgInFrom, WorkdirRelativePath, UndefinedVar, MultipleInstructionsDisallowed,
        LegacyKeyValueFormat, InvalidBaseImagePlatform, RedundantTargetPlatform, SecretsUsedInArgOrEnv, InvalidDefaultArgInFrom,
        FromPlatformFlagConstDisallowed, CopyIgnoredFile, InvalidDefinitionDescription, ExposeProtoCasing, ExposeInvalidFormat,
    ];

    /// <summary>Go's <c>%q</c> of a string, as the messages quoting a value print it.</summary>
    internal static string Quote(string value) => GoQuoting.Quote(value);

    /// <summary>The UndefinedVar / UndefinedArgInFrom message with its optional suggestion.</summary>
    internal static string WithSuggestion(string message, string? suggestion, bool dollar) =>
        suggestion is { Length: > 0 } s ? $"{message} (did you mean {(dollar ? "$" : "")}{s}?)" : message;
}
