package cn.hetu.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP line from a local port to PostgreSQL that a test can cut and mend, as a database outage:
 * cut closes every connection through it and refuses new ones; mend accepts them again on the same port.
 */
final class CuttableLine implements AutoCloseable {

    private final int targetPort;

    private final int port;

    private final List<Socket> open = new CopyOnWriteArrayList<>();

    private volatile ServerSocket server;

    CuttableLine(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.port = server.getLocalPort();
        acceptInBackground(server);
    }

    int port() {
        return port;
    }

    void cut() throws IOException {
        server.close();
        for (Socket socket : open) {
            socket.close();
        }
        open.clear();
    }

    void mend() throws IOException {
        server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        acceptInBackground(server);
    }

    @Override
    public void close() throws IOException {
        cut();
    }

    private void acceptInBackground(ServerSocket listening) {
        Thread acceptor = new Thread(() -> {
            while (!listening.isClosed()) {
                try {
                    Socket client = listening.accept();
                    Socket database = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                    open.add(client);
                    open.add(database);
                    pipe(client, database);
                    pipe(database, client);
                }
                catch (IOException e) {
                    // closed by cut(), or PostgreSQL refused: the client sees its connection fail
                }
            }
        }, "cuttable-line-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private static void pipe(Socket from, Socket to) {
        Thread pipe = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            }
            catch (IOException e) {
                // the line was cut
            }
            finally {
                try {
                    from.close();
                    to.close();
                }
                catch (IOException ignored) {
                    // already closed
                }
            }
        }, "cuttable-line-pipe");
        pipe.setDaemon(true);
        pipe.start();
    }

}
