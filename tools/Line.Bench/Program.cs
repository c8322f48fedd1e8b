using PhoneBooking.Line.Bench;

try
{
    return await Benchmark.RunAsync(BenchOptions.Parse(args));
}
catch (ArgumentException exception)
{
    Console.Error.WriteLine(exception.Message);
    return 2;
}
