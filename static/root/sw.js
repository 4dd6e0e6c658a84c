// Bond's service worker: an offline page, and notifications from the partner. It keeps
// no page of the journal: what is private stays on the server, and is never in a cache
// that the next person at a shared computer could open.
"use strict";

const CACHE = "bond-offline-v1";
const OFFLINE_URL = "/offline/";

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // Fetched signed out, so that it names nobody.
    const response = await fetch(OFFLINE_URL, { credentials: "omit" });
    await cache.put(OFFLINE_URL, response.clone());
    // The stylesheet and icons the offline page shows with.
    const html = await response.text();
    const assets = [...html.matchAll(/(?:href|src)="(\/static\/[^"]+)"/g)].map((m) => m[1]);
    await cache.addAll(assets);
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.mode === "navigate") {
    event.respondWith(
      fetch(request).catch(async () => (await caches.open(CACHE)).match(OFFLINE_URL)),
    );
  } else if (request.method === "GET" && new URL(request.url).pathname.startsWith("/static/")) {
    event.respondWith(
      fetch(request).catch(async () => (await caches.match(request)) || Response.error()),
    );
  }
});

// What the server sent says who and what kind, never the words (practices.notifications).
self.addEventListener("push", (event) => {
  const message = event.data ? event.data.json() : {};
  event.waitUntil(
    self.registration.showNotification(message.title || "Bond", {
      body: message.body || "",
      tag: message.tag,
      icon: "/static/icons/icon-192.png",
      data: { url: message.url || "/" },
    }),
  );
});

// A tap opens the item's page: in a window of Bond's if one is open.
self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const url = new URL(event.notification.data.url, self.location.origin).href;
  event.waitUntil((async () => {
    const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
    const open = windows.find((client) => client.url === url) || windows[0];
    if (open) {
      await open.focus();
      if (open.url !== url && "navigate" in open) return open.navigate(url);
      return open;
    }
    return self.clients.openWindow(url);
  })());
});
