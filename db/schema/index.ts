export * from "./users";
export * from "./courses";
export * from "./canvases";
export * from "./forum";
export * from "./assignments";
export * from "./pairing";
export * from "./audit";
export * from "./grading";
