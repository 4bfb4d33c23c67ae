return await LiveRoom.LiveRoomApp.RunAsync(args).ConfigureAwait(false);
