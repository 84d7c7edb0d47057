/** LTI 1.3 / LTI Advantage claim names and role URIs (IMS Global: LTI Core 1.3, NRPS 2.0, AGS 2.0, Deep Linking 2.0). */
export const CLAIM = {
  messageType: "https://purl.imsglobal.org/spec/lti/claim/message_type",
  version: "https://purl.imsglobal.org/spec/lti/claim/version",
  deploymentId: "https://purl.imsglobal.org/spec/lti/claim/deployment_id",
  targetLinkUri: "https://purl.imsglobal.org/spec/lti/claim/target_link_uri",
  roles: "https://purl.imsglobal.org/spec/lti/claim/roles",
  context: "https://purl.imsglobal.org/spec/lti/claim/context",
  resourceLink: "https://purl.imsglobal.org/spec/lti/claim/resource_link",
  custom: "https://purl.imsglobal.org/spec/lti/claim/custom",
  nrps: "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice",
  ags: "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint",
  deepLinkingSettings: "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings",
  contentItems: "https://purl.imsglobal.org/spec/lti-dl/claim/content_items",
  deepLinkingData: "https://purl.imsglobal.org/spec/lti-dl/claim/data",
} as const;

export const MESSAGE = {
  resourceLink: "LtiResourceLinkRequest",
  deepLinking: "LtiDeepLinkingRequest",
  deepLinkingResponse: "LtiDeepLinkingResponse",
} as const;

/** Context roles that make a Werkbank instructor; every other role (Learner, Mentor …) a student. */
const TEACHING = [
  "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor",
  "http://purl.imsglobal.org/vocab/lis/v2/membership#Administrator",
  "http://purl.imsglobal.org/vocab/lis/v2/membership#ContentDeveloper",
  "http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant",
];

/** LTI roles to a Werkbank role. Short forms ("Instructor") are accepted as NRPS and older platforms send them. */
export function werkbankRole(roles: unknown): "instructor" | "student" {
  const list = Array.isArray(roles) ? roles.filter((r): r is string => typeof r === "string") : [];
  const teaches = list.some((r) => TEACHING.includes(r) || ["Instructor", "Administrator", "ContentDeveloper", "TeachingAssistant"].includes(r));
  return teaches ? "instructor" : "student";
}
