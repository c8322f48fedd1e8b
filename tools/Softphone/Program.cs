System.Console.WriteLine("softphone");
