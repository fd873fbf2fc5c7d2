import { expect } from "@open-wc/testing";
import { ApiError } from "../../../src/core/errors.js";

/** The ApiError that `promise` rejects with; fails the test if it resolves or rejects with anything else. */
export async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error("expected the call to fail");
}
