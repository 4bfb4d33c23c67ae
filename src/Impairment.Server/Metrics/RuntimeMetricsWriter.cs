using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Harness.Impairment.Server.Metrics;

/// <summary>
/// The -runtime-metrics families: the process collector's standard <c>process_*</c> names and .NET runtime figures
/// as <c>dotnet_*</c> (where Toxiproxy exposes Go's <c>go_*</c>).
/// </summary>
internal static class RuntimeMetricsWriter
{
    public static void Write(PrometheusText text)
    {
        using var process = Process.GetCurrentProcess();
        text.Family("process_cpu_seconds_total", "counter", "Total user and system CPU time spent in seconds.")
            .Sample("process_cpu_seconds_total", process.TotalProcessorTime.TotalSeconds);
        text.Family("process_resident_memory_bytes", "gauge", "Resident memory size in bytes.")
            .Sample("process_resident_memory_bytes", process.WorkingSet64);
        text.Family("process_virtual_memory_bytes", "gauge", "Virtual memory size in bytes.")
            .Sample("process_virtual_memory_bytes", process.VirtualMemorySize64);
        text.Family("process_start_time_seconds", "gauge", "Start time of the process since unix epoch in seconds.")
            .Sample(
                "process_start_time_seconds",
                new DateTimeOffset(process.StartTime.ToUniversalTime()).ToUnixTimeMilliseconds() / 1000.0
            );
        if (OpenFileDescriptors() is { } fds)
        {
            text.Family("process_open_fds", "gauge", "Number of open file descriptors.").Sample("process_open_fds", fds);
        }

        text.Family("dotnet_build_info", "gauge", "Information about the .NET runtime.")
            .Sample(
                "dotnet_build_info",
                1,
                ("version", Environment.Version.ToString()),
                ("framework", RuntimeInformation.FrameworkDescription)
            );
        text.Family("dotnet_gc_collections_total", "counter", "Garbage collections per generation.");
        for (var generation = 0; generation <= GC.MaxGeneration; generation++)
        {
            text.Sample(
                "dotnet_gc_collections_total",
                GC.CollectionCount(generation),
                ("generation", generation.ToString(System.Globalization.CultureInfo.InvariantCulture))
            );
        }
        text.Family("dotnet_gc_heap_size_bytes", "gauge", "Bytes currently thought to be allocated on the managed heap.")
            .Sample("dotnet_gc_heap_size_bytes", GC.GetTotalMemory(false));
        text.Family("dotnet_gc_allocated_bytes_total", "counter", "Bytes allocated on the managed heap since the process started.")
            .Sample("dotnet_gc_allocated_bytes_total", GC.GetTotalAllocatedBytes());
        text.Family("dotnet_threadpool_threads", "gauge", "Thread pool threads.")
            .Sample("dotnet_threadpool_threads", ThreadPool.ThreadCount);
        text.Family("dotnet_threadpool_queue_length", "gauge", "Work items queued to the thread pool.")
            .Sample("dotnet_threadpool_queue_length", ThreadPool.PendingWorkItemCount);
        text.Family("dotnet_threadpool_completed_items_total", "counter", "Work items completed by the thread pool.")
            .Sample("dotnet_threadpool_completed_items_total", ThreadPool.CompletedWorkItemCount);
    }

    private static int? OpenFileDescriptors()
    {
        try
        {
            return Directory.Exists("/proc/self/fd") ? Directory.EnumerateFileSystemEntries("/proc/self/fd").Count() : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
