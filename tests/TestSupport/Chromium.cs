namespace Harness.TestSupport;

/// <summary>
/// Browser tests need Debian's chromium (or HARNESS_BROWSER). .ci/run installs it; on a machine without it the
/// browser tests are skipped with the install command instead of failing for a reason unrelated to the code.
/// </summary>
public static class Chromium
{
    public static string? ExecutablePath
    {
        get
        {
            var fromEnvironment = Environment.GetEnvironmentVariable("HARNESS_BROWSER");
            if (!string.IsNullOrEmpty(fromEnvironment) && File.Exists(fromEnvironment))
                return fromEnvironment;
            return new[] { "/usr/bin/chromium", "/usr/lib/chromium/chromium" }.FirstOrDefault(File.Exists);
        }
    }

    public static string Require()
    {
        var path = ExecutablePath;
        if (path is null)
            Assert.Ignore("No Chromium on this machine: apt-get install -y chromium (or set HARNESS_BROWSER); .ci/run installs it.");
        return path!;
    }
}
