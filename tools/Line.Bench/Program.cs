using PhoneBooking.Line.Bench;

try
{
    return args is ["surge", .. var surge]
        ? await PhoneBooking.Line.Bench.Surge.SurgeBench.RunAsync(PhoneBooking.Line.Bench.Surge.SurgeOptions.Parse(surge))
        : await Benchmark.RunAsync(BenchOptions.Parse(args));
}
catch (ArgumentException exception)
{
    Console.Error.WriteLine(exception.Message);
    return 2;
}
