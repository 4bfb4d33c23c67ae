using System.Runtime.InteropServices;

namespace Harness.Impairment.Packet.Namespaces;

/// <summary>
/// Runs a function with the calling code inside a named network namespace, on a thread of its own that
/// ends afterwards. A socket created there stays in that namespace for its whole life, so this is how
/// the harness (and tests) open a listener or a client inside a run's namespace without another process.
/// </summary>
public static partial class NamespaceEntry
{
    private const int NewNetworkNamespace = 0x40000000;

    public static T Run<T>(string namespaceName, Func<T> action)
    {
        T? result = default;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                Enter(namespaceName);
                result = action();
            }
            catch (Exception e)
            {
                failure = e;
            }
        })
        {
            IsBackground = true,
            Name = $"netns-{namespaceName}",
        };
        thread.Start();
        thread.Join();
        if (failure is not null)
            throw new PacketNetworkException($"in namespace {namespaceName}: {failure.Message}", failure);
        return result!;
    }

    private static void Enter(string namespaceName)
    {
        using var handle = File.OpenHandle($"/run/netns/{namespaceName}");
        if (SetNamespace((int)handle.DangerousGetHandle(), NewNetworkNamespace) != 0)
        {
            throw new PacketNetworkException($"setns {namespaceName}: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
        }
    }

    [LibraryImport("libc", EntryPoint = "setns", SetLastError = true)]
    private static partial int SetNamespace(int fd, int type);
}
