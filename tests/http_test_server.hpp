#pragma once

#include <arpa/inet.h>
#include <atomic>
#include <map>
#include <mutex>
#include <netinet/in.h>
#include <poll.h>
#include <string>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace bilint::testing {

// A small HTTP/1.1 server on 127.0.0.1 for the online link checks; it never listens elsewhere.
//   /ok 200   /moved 301 -> /ok   /missing 404   /error 500   /busy 429 (Retry-After: 1) once,
//   then 200   /nohead 405 to HEAD, 200 to GET   /hang reads the request and never answers.
// It records every request (method, path, peer address) so tests can check what was asked.
class HttpTestServer {
 public:
  HttpTestServer() {
    listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
    int yes = 1;
    ::setsockopt(listener_, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    ::bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof address);
    socklen_t length = sizeof address;
    ::getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length);
    port_ = ntohs(address.sin_port);
    ::listen(listener_, 64);
    thread_ = std::thread([this] { serve(); });
  }
  ~HttpTestServer() {
    stop_ = true;
    thread_.join();
    for (std::thread& t : workers_)
      t.join();
    ::close(listener_);
  }
  HttpTestServer(const HttpTestServer&) = delete;
  HttpTestServer& operator=(const HttpTestServer&) = delete;

  [[nodiscard]] std::string url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }
  struct Request {
    std::string method;
    std::string path;
    std::string peer;
  };
  [[nodiscard]] std::vector<Request> requests() const {
    const std::lock_guard lock(mutex_);
    return requests_;
  }

 private:
  void serve() {
    while (!stop_) {
      pollfd p{listener_, POLLIN, 0};
      if (::poll(&p, 1, 50) <= 0) continue;
      sockaddr_in peer{};
      socklen_t length = sizeof peer;
      const int client = ::accept(listener_, reinterpret_cast<sockaddr*>(&peer), &length);
      if (client < 0) continue;
      char text[INET_ADDRSTRLEN] = {};
      ::inet_ntop(AF_INET, &peer.sin_addr, text, sizeof text);
      workers_.emplace_back(
          [this, client, address = std::string(text)] { handle(client, address); });
    }
  }

  void handle(int client, const std::string& peer) {
    std::string buffer;
    char chunk[4096];
    while (buffer.find("\r\n\r\n") == std::string::npos && !stop_) {
      pollfd p{client, POLLIN, 0};
      if (::poll(&p, 1, 50) <= 0) continue;
      const ssize_t n = ::recv(client, chunk, sizeof chunk, 0);
      if (n <= 0) break;
      buffer.append(chunk, static_cast<std::size_t>(n));
    }
    const std::size_t space = buffer.find(' ');
    const std::string method = buffer.substr(0, space);
    const std::string path = buffer.substr(space + 1, buffer.find(' ', space + 1) - space - 1);
    int busy_count = 0;
    {
      const std::lock_guard lock(mutex_);
      requests_.push_back({method, path, peer});
      if (path == "/busy") busy_count = ++busy_;
    }
    std::string response;
    if (path == "/hang") {
      while (!stop_)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    } else if (path == "/ok" || (path == "/busy" && busy_count > 1) ||
               (path == "/nohead" && method == "GET")) {
      response = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";
    } else if (path == "/moved") {
      response = "HTTP/1.1 301 Moved Permanently\r\nLocation: /ok\r\nContent-Length: 0\r\n\r\n";
    } else if (path == "/busy") {
      response = "HTTP/1.1 429 Too Many Requests\r\nRetry-After: 1\r\nContent-Length: 0\r\n\r\n";
    } else if (path == "/nohead") {
      response = "HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n";
    } else if (path == "/error") {
      response = "HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\n\r\n";
    } else {
      response = "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n";
    }
    if (method == "HEAD" && response.ends_with("ok")) response.resize(response.size() - 2);
    ::send(client, response.data(), response.size(), MSG_NOSIGNAL);
    ::close(client);
  }

  int listener_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::thread thread_;
  std::vector<std::thread> workers_;
  mutable std::mutex mutex_;
  std::vector<Request> requests_;
  int busy_ = 0;
};

}  // namespace bilint::testing
