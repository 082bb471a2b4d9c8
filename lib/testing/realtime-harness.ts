import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { io as connect, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "@/lib/realtime/events.ts";
import { createRealtimeServer, type RealtimeHandle } from "@/lib/realtime/socket-server.ts";
import { startTestDispatcher } from "./event-dispatcher.ts";

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export type RealtimeHarness = {
  url: string;
  realtime: RealtimeHandle;
  /** A client with these handshake headers (cookie, origin, …); rejects when the server refuses it. */
  connect: (headers?: Record<string, string>) => Promise<TestSocket>;
  /** Disconnects every client it made, then closes the server. */
  close: () => Promise<void>;
};

/**
 * Tern's socket.io server on a loopback port of its own, and websocket clients for it. With
 * `storeIds`, those stores' domain events are delivered through it, as in production.
 */
export async function startRealtimeHarness(options: { storeIds?: string[] } = {}): Promise<RealtimeHarness> {
  const httpServer = createServer();
  const realtime = await createRealtimeServer(httpServer);
  const dispatcher = options.storeIds ? startTestDispatcher({ storeIds: options.storeIds, io: realtime.io }) : null;
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  const sockets: TestSocket[] = [];
  return {
    url,
    realtime,
    connect: async (headers = {}) => {
      const socket: TestSocket = connect(url, { path: "/socket.io", transports: ["websocket"], extraHeaders: headers, reconnection: false });
      sockets.push(socket);
      await new Promise<void>((resolve, reject) => {
        socket.once("connect", resolve);
        socket.once("connect_error", reject);
      });
      return socket;
    },
    close: async () => {
      sockets.forEach((socket) => socket.disconnect());
      await dispatcher?.stop();
      await realtime.close();
    },
  };
}
