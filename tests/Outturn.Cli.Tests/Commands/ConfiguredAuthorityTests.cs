using Outturn.Testing;

namespace Outturn.Cli.Tests.Commands;

/// <summary>Tests that set process-wide environment variables: run alone, after every other test.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EnvironmentCollection
{
    public const string Name = "Environment variables";
}

[Collection(EnvironmentCollection.Name)]
public sealed class ConfiguredAuthorityTests : IDisposable
{
    public void Dispose() => Environment.SetEnvironmentVariable(OutturnCli.AuthorityVariable, null);

    [Fact]
    public void OurAuthority_ConfiguredOnceFillsTheBenchmarkColumnsAsLaDoes()
    {
        var named = CliRun.Of("scorecard", "--demo", "--la", "Rotherham", "--published", PublishedFolder.Path, "--format", "csv");
        var plain = CliRun.Of("scorecard", "--demo", "--published", PublishedFolder.Path, "--format", "csv");

        Environment.SetEnvironmentVariable(OutturnCli.AuthorityVariable, "Rotherham");
        var configured = CliRun.Of("scorecard", "--demo", "--published", PublishedFolder.Path, "--format", "csv");

        configured.ExitCode.ShouldBe(0, configured.Error);
        configured.Output.ShouldBe(named.Output);
        configured.Output.ShouldNotBe(plain.Output); // the published 2024-25 figures replace the sample's 2023-24 ones
    }

    [Fact]
    public void OurAuthority_GivenOnTheCommandLineWinsOverTheConfiguredOne()
    {
        Environment.SetEnvironmentVariable(OutturnCli.AuthorityVariable, "Nowhere at all");

        var run = CliRun.Of("scorecard", "--demo", "--la", "Rotherham", "--published", PublishedFolder.Path, "--format", "csv");

        run.ExitCode.ShouldBe(0, run.Error);
    }
}
