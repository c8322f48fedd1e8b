using PhoneBooking.SchedulingApi.Bench;

return await Benchmark.RunAsync(BenchOptions.Parse(args));
