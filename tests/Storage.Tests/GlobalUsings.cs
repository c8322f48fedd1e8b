global using PhoneBooking.Storage.Tests.Support;
