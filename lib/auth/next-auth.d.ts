import "next-auth";

declare module "next-auth" {
  interface User {
    sid?: string;
    sv?: number;
  }
  interface Session {
    sid?: string;
    sv?: number;
  }
}
