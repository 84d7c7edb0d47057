export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { stampPeerAddress } = await import("./lib/peer");
  stampPeerAddress();
  const { startUp } = await import("./lib/startup");
  await startUp();
}
