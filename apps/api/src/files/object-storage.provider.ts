import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { DiskStorage, MinioStorage, ObjectStorage } from '@motcua/storage';
import { APP_CONFIG, AppConfig } from '../config/app-config.provider';
import { ReadinessRegistry } from '../health/readiness.registry';

/** Injection token of the ObjectStorage in use (MinIO when MINIO_ENDPOINT is set, else DATA_DIR/files). */
export const OBJECT_STORAGE = Symbol('OBJECT_STORAGE');

export function buildObjectStorage(config: AppConfig): ObjectStorage {
  return config.storage.kind === 'minio' ? new MinioStorage(config.storage.minio) : new DiskStorage(config.storage.root);
}

/**
 * Creates the bucket (or folder) at boot; an unreachable MinIO is logged, not fatal: uploads answer 503
 * until it is back, and the `storage` readiness check (bucket reachable / folder writable) fails meanwhile.
 */
@Injectable()
export class ObjectStorageBootstrap implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger('Storage');
  constructor(
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
    private readonly readiness: ReadinessRegistry,
  ) {}

  onModuleInit(): void {
    this.readiness.register('storage', () => this.storage.health());
  }

  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.storage.ensureReady();
      this.logger.log(`File storage: ${this.storage.kind}`);
    } catch (error) {
      this.logger.error(`File storage is not reachable (${this.storage.kind}): ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
