namespace Outturn.Demo.Tests;

/// <summary>Small synthetic LAs shared by the writer tests: cheap to generate, deterministic.</summary>
internal static class SmallLa
{
    /// <summary>The LA of the expected files: 2,000 children, 2024-25 only, seed 7.</summary>
    public static SyntheticLa OneYear { get; } = DemoGenerator.Generate(new DemoSettings(2_000, 1, 7, new DateOnly(2025, 3, 31)));

    /// <summary>3,000 children over 2022-23 to 2024-25: before and after the SEX change and social worker episodes.</summary>
    public static SyntheticLa ThreeYears { get; } = DemoGenerator.Generate(new DemoSettings(3_000, 3, 7, new DateOnly(2025, 3, 31)));

    public static string FirstLines(string text, int count) => string.Join('\n', text.Split('\n').Take(count)) + "\n";
}
