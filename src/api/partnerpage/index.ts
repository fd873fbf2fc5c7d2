import type { BackendModule } from "../backends.js";
import { PartnerpageSource } from "./source.js";

export const createSource: BackendModule["createSource"] = ({ apiBase, directoryId }, http) => new PartnerpageSource(apiBase, directoryId ?? "", http);
